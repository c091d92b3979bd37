-- Issue 11: a cell that is unknown or no longer computed explains itself in words (DOMAIN.md, settled rules).
-- grafana.stand_toelichting is grafana.stand plus "toelichting":
--   * an area (provincie, regio, land) whose opgave is unknown because members have none: "onbekend: 45 van 56
--     gemeenten zonder opgave; bekend deel: 3.008" (the known part labelled as such, never as the opgave); when a
--     provincial figure binds but the gross shortfall needs every member: "bruto tekort onbekend: 9 van 9 …";
--   * an opgave whose task ended (feed kind regimes): "taakstelling beëindigd per 1-1-2027", beside the last figures
--     computed before that day (history stays readable).
-- Panels that show stand rows in a table read this view; the members are counted on the row's own datum, by one
-- primary-key probe per member.
CREATE VIEW grafana.stand_toelichting AS
SELECT st.*,
       nullif(concat_ws('; ', u.tekst, r.tekst), '') AS toelichting
FROM grafana.stand st
LEFT JOIN grafana.regimes r ON r.opgave = st.opgave
LEFT JOIN LATERAL (
    SELECT CASE WHEN st.opgave_aantal IS NULL THEN '' ELSE 'bruto tekort ' END
           || 'onbekend: ' || count(*) FILTER (WHERE m.opgave_aantal IS NULL) || ' van ' || count(*) || ' gemeenten zonder opgave'
           || CASE WHEN st.opgave_aantal IS NULL AND count(m.opgave_aantal) > 0
                   THEN '; bekend deel: ' || replace(to_char(sum(m.opgave_aantal), 'FM999,999,990'), ',', '.') ELSE '' END AS tekst
    FROM monitor.gemeenten_actueel g
    LEFT JOIN monitor.series m ON m.gebiedcode = g.code AND m.opgave = st.opgave AND m.datum = st.datum
    WHERE st.niveau = 'land'
       OR (st.niveau = 'provincie' AND g.provinciecode = st.gebiedcode)
       OR (st.niveau = 'regio' AND g.code IN (SELECT l.gemeentecode FROM monitor.regio_leden l WHERE l.regiocode = st.gebiedcode))
    HAVING count(*) FILTER (WHERE m.opgave_aantal IS NULL) > 0) u ON (st.opgave_aantal IS NULL OR st.tekort IS NULL) AND st.niveau <> 'gemeente';
