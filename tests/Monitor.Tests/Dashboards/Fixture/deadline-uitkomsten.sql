-- The outcome of a passed deadline, for the "Vorige deadline" panels. The fixture is computed up to 15 June 2025, before
-- the deadline of 1 July 2025, so the compute job stored none (rightly). These rows stand in for that outcome, with the
-- figures of the fixture's last computed day: per area its opgave, realised, net gap and gross shortfall, and the member
-- gemeenten below their opgave (largest shortfall first), as DeadlineOutcomeWriter would store them.
WITH leden (gebiedcode, gemeentecode) AS (
    SELECT code, code FROM monitor.gemeenten_actueel
    UNION ALL SELECT provinciecode, code FROM monitor.gemeenten_actueel
    UNION ALL SELECT regiocode, gemeentecode FROM monitor.regio_leden
    UNION ALL SELECT 'NL', code FROM monitor.gemeenten_actueel)
INSERT INTO monitor.deadline_outcomes (gebiedcode, niveau, opgave, periode, deadline, laatste_van_periode, opgave_aantal, gerealiseerd,
    netto_gap, bruto_tekort, gemist_aantal, gemist_gemeenten, onbekend_aantal, leden_aantal, volgende_deadline, vervangen_op, run_id)
SELECT s.gebiedcode, s.niveau, s.opgave, '2024-2025', DATE '2025-07-01', true, s.opgave_aantal, s.gerealiseerd, s.gap, s.tekort,
       m.gemist, m.codes, m.onbekend, m.leden, DATE '2027-07-01', NULL, s.run_id
FROM monitor.series s
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.gerealiseerd < x.opgave_aantal)::int AS gemist,
           coalesce(array_agg(x.gebiedcode ORDER BY x.opgave_aantal - x.gerealiseerd DESC, x.gebiedcode)
                    FILTER (WHERE x.gerealiseerd < x.opgave_aantal), '{}') AS codes,
           count(*) FILTER (WHERE x.opgave_aantal IS NULL)::int AS onbekend, count(*)::int AS leden
    FROM leden l JOIN monitor.series x ON x.gebiedcode = l.gemeentecode AND x.opgave = s.opgave AND x.datum = s.datum
    WHERE l.gebiedcode = s.gebiedcode) m
WHERE s.datum = '2025-06-15' AND s.opgave IN ('asiel', 'amv');
