-- Contested opgave figures (issue 11.5) and herindelingen that act from their datum on (issue 12.3).

-- ── Rechtsstatus and bron of an opgave figure ────────────────────────────────────────────────────────────────
-- vastgesteld (default): counts. in_bezwaar: counts, shown as contested. gewijzigd: counts (a figure changed by a later
-- decision, e.g. after bezwaar). gecorrigeerd: replaces the figures of the same opgave/versie/periode/gebied published
-- earlier, which then never counted (the correction counts from the first of their dates). ingetrokken: the figures of
-- the same opgave/versie/periode/gebied published on or before it stop counting from its publicatiedatum on (what was
-- in force before them is in force again); the withdrawal itself is no figure.
ALTER TABLE monitor.opgaven
    ADD COLUMN rechtsstatus text NOT NULL DEFAULT 'vastgesteld'
        CHECK (rechtsstatus IN ('vastgesteld', 'in_bezwaar', 'gewijzigd', 'gecorrigeerd', 'ingetrokken')),
    ADD COLUMN bron text;

-- Every stored figure with what it counts as: from when (geldig_vanaf), until when (vervalt_op, exclusive), and whether
-- it counts at all (a figure replaced by a correction, or a withdrawal row, does not). The analysis reads this view.
CREATE VIEW monitor.opgaven_geldend AS
SELECT o.opgave, o.versie, o.periode, o.gebiedcode, o.publicatiedatum, o.aantal, o.rechtsstatus, o.bron, o.delivery_id,
       CASE WHEN o.rechtsstatus = 'gecorrigeerd'
            THEN (SELECT min(e.publicatiedatum) FROM monitor.opgaven e
                  WHERE (e.opgave, e.versie, e.periode, e.gebiedcode) = (o.opgave, o.versie, o.periode, o.gebiedcode)
                    AND e.publicatiedatum <= o.publicatiedatum)
            ELSE o.publicatiedatum END AS geldig_vanaf,
       (SELECT min(w.publicatiedatum) FROM monitor.opgaven w
        WHERE (w.opgave, w.versie, w.periode, w.gebiedcode) = (o.opgave, o.versie, o.periode, o.gebiedcode)
          AND w.rechtsstatus = 'ingetrokken' AND w.publicatiedatum >= o.publicatiedatum) AS vervalt_op,
       o.rechtsstatus <> 'ingetrokken'
       AND NOT EXISTS (SELECT 1 FROM monitor.opgaven c
                       WHERE (c.opgave, c.versie, c.periode, c.gebiedcode) = (o.opgave, o.versie, o.periode, o.gebiedcode)
                         AND c.rechtsstatus = 'gecorrigeerd' AND c.publicatiedatum > o.publicatiedatum) AS telt
FROM monitor.opgaven o;

-- The versions panel of the Gemeente dashboard shows each figure's status and source beside it.
CREATE OR REPLACE VIEW grafana.opgave_versies AS
SELECT grafana.middernacht(o.publicatiedatum) AS "time", o.publicatiedatum, o.opgave, o.versie, o.periode,
       o.gebiedcode, coalesce(g.gebiednaam, o.gebiedcode) AS gebiednaam, g.niveau, g.provinciecode, o.aantal,
       o.delivery_id AS levering, d.feed, d.fetched_at AS geleverd_op,
       o.rechtsstatus, o.bron,
       CASE WHEN v.telt THEN 'ja' WHEN o.rechtsstatus = 'ingetrokken' THEN 'nee (intrekking)' ELSE 'nee (gecorrigeerd)' END AS telt_mee
FROM monitor.opgaven o
JOIN monitor.opgaven_geldend v USING (opgave, versie, periode, gebiedcode, publicatiedatum)
LEFT JOIN grafana.gebieden g ON g.gebiedcode = o.gebiedcode
LEFT JOIN monitor.deliveries d ON d.id = o.delivery_id;

-- The figure in force today per opgave, periode and gebied, with its status and source: what a digest footnote or a
-- panel cites ("verdeelbesluit 2024-2025 in bezwaar; bron Stcrt. 2024, 1234"). One row per (opgave, periode, gebied).
CREATE VIEW grafana.opgave_status AS
SELECT DISTINCT ON (v.opgave, v.periode, v.gebiedcode)
       v.opgave, v.periode, v.gebiedcode, coalesce(g.gebiednaam, v.gebiedcode) AS gebiednaam, g.niveau, g.provinciecode,
       v.versie, v.publicatiedatum, v.aantal, v.rechtsstatus, v.bron, v.rechtsstatus <> 'vastgesteld' AS gemarkeerd
FROM monitor.opgaven_geldend v
LEFT JOIN grafana.gebieden g ON g.gebiedcode = v.gebiedcode
WHERE v.telt AND v.geldig_vanaf <= grafana.vandaag() AND (v.vervalt_op IS NULL OR v.vervalt_op > grafana.vandaag())
ORDER BY v.opgave, v.periode, v.gebiedcode, v.geldig_vanaf DESC,
         array_position('{indicatief,verslag,verdeelbesluit,vastgesteld,bijstelling}'::text[], v.versie) DESC;

-- ── Herindelingen per date ───────────────────────────────────────────────────────────────────────────────────
-- A code maps through the herindelingen in force today only: a merger announced for a future 1 January no longer
-- sends the old gemeente's figures to the new one (besides itself) ahead of time. Loops are refused at ingest; the
-- depth bound only keeps a loop stored before that from running forever. The loader resolves per row date in C#
-- (GemeenteCodeMap); this view answers for today.
CREATE OR REPLACE VIEW monitor.gemeente_code_map AS
WITH RECURSIVE current_codes AS (
    SELECT DISTINCT g.code FROM monitor.gemeenten g
    WHERE NOT EXISTS (SELECT 1 FROM monitor.herindelingen h WHERE h.oude_code = g.code AND h.datum <= current_date)
), chain (bron_code, doel_code, aandeel, depth) AS (
    SELECT oude_code, nieuwe_code, aandeel::numeric, 1 FROM monitor.herindelingen WHERE datum <= current_date
    UNION ALL
    SELECT c.bron_code, h.nieuwe_code, c.aandeel * h.aandeel, c.depth + 1
    FROM chain c JOIN monitor.herindelingen h ON h.oude_code = c.doel_code AND h.datum <= current_date
    WHERE c.depth < 10
)
SELECT code AS bron_code, code AS doel_code, 1::numeric AS aandeel FROM current_codes
UNION ALL
SELECT bron_code, doel_code, sum(aandeel) FROM chain
WHERE doel_code IN (SELECT code FROM current_codes)
GROUP BY bron_code, doel_code;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'monitor_grafana') THEN
        GRANT SELECT ON grafana.opgave_versies, grafana.opgave_status TO monitor_grafana;
    END IF;
END
$$;
