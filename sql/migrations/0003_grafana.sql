-- What Grafana may read: views in schema grafana, one or more per dashboard panel, with Dutch column names where
-- users read them, and a NOLOGIN role monitor_grafana that can read these views and nothing else.
--
-- Why views and not tables: every figure Grafana shows is defined here once, next to its explanation, and the
-- Monitor's tables can change shape without breaking a dashboard. The views run with their owner's rights (the
-- migrating user), so monitor_grafana needs nothing on schema monitor.
--
-- Performance rules (a panel query must stay under 50 ms at ten years of data):
--   * time-series views expose the stored date column "datum" next to a computed "time": panels filter on datum
--     ($__timeFilter(datum)), so PostgreSQL can use the series primary key (gebiedcode, opgave, datum) and the
--     (niveau, opgave, datum) index; "time" (midnight Europe/Amsterdam) is only selected, never filtered;
--   * "latest figures" come from one index probe per area (LATERAL ... ORDER BY datum DESC LIMIT 1), never from a
--     scan of the whole history;
--   * every view whose time column is a stored timestamptz filters on that column directly, with an index below.

CREATE SCHEMA IF NOT EXISTS grafana;
COMMENT ON SCHEMA grafana IS 'Views for Grafana dashboards; readable by role monitor_grafana, which can read nothing else.';

-- ── Indexes the views need ──────────────────────────────────────────────────────────────────────────────────
-- Deadline markers: the distinct deadlines per opgave, read from the land series only (one row per day).
CREATE INDEX series_land_deadlines ON monitor.series (opgave, deadline) WHERE niveau = 'land' AND deadline IS NOT NULL;
-- Revisions as annotations: per area and opgave in a time range, and all of them in a time range.
CREATE INDEX series_revisions_area_time ON monitor.series_revisions (gebiedcode, opgave, revised_at);
CREATE INDEX series_revisions_time ON monitor.series_revisions (revised_at);
CREATE INDEX fact_revisions_time ON monitor.fact_revisions (revised_at);
-- Deliveries in a time range, and rejections in a time range (a small partial index).
CREATE INDEX deliveries_time ON monitor.deliveries (fetched_at);
CREATE INDEX deliveries_rejected_time ON monitor.deliveries (fetched_at) WHERE outcome = 'rejected';
CREATE INDEX compute_runs_time ON monitor.compute_runs (started_at);
-- Opgave versions of one area (the primary key starts with opgave and periode).
CREATE INDEX opgaven_gebied ON monitor.opgaven (gebiedcode, opgave, publicatiedatum);

-- ── Small pure helpers (used by the views; harmless to call) ─────────────────────────────────────────────────
-- Midnight of a calendar date in Europe/Amsterdam: the instant Grafana plots a daily figure at.
CREATE FUNCTION grafana.middernacht(d date) RETURNS timestamptz
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (d::timestamp AT TIME ZONE 'Europe/Amsterdam');

-- Today's calendar date in Europe/Amsterdam, whatever the session's time zone (Grafana's is UTC).
CREATE FUNCTION grafana.vandaag() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (now() AT TIME ZONE 'Europe/Amsterdam')::date;

-- First and last day of a periode text: a half year '2025-H1' or a Spreidingswet cycle '2024-2025'.
CREATE FUNCTION grafana.periode_begin(periode text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN periode ~ '^\d{4}-H1$' THEN make_date(left(periode, 4)::int, 1, 1)
                WHEN periode ~ '^\d{4}-H2$' THEN make_date(left(periode, 4)::int, 7, 1)
                WHEN periode ~ '^\d{4}-\d{4}$' THEN make_date(left(periode, 4)::int, 1, 1) END;

CREATE FUNCTION grafana.periode_einde(periode text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN periode ~ '^\d{4}-H1$' THEN make_date(left(periode, 4)::int, 6, 30)
                WHEN periode ~ '^\d{4}-H2$' THEN make_date(left(periode, 4)::int, 12, 31)
                WHEN periode ~ '^\d{4}-\d{4}$' THEN make_date(right(periode, 4)::int, 12, 31) END;

-- ── Areas ────────────────────────────────────────────────────────────────────────────────────────────────────
-- Every area with its name and the provincie it lies in. Gemeenten carry their latest attributes; a retired code
-- keeps its name (actueel = false) so old figures stay readable. A regio lies in a provincie only when all its
-- members do. Variables (provincie, gemeente, regio) read this view.
CREATE VIEW grafana.gebieden AS
SELECT g.code AS gebiedcode, g.naam AS gebiednaam, 'gemeente' AS niveau, g.provinciecode, p.naam AS provincienaam,
       g.veiligheidsregiocode, g.inwoners,
       NOT EXISTS (SELECT 1 FROM monitor.herindelingen h WHERE h.oude_code = g.code AND h.datum <= grafana.vandaag()) AS actueel
FROM (SELECT DISTINCT ON (code) code, naam, provinciecode, veiligheidsregiocode, inwoners
      FROM monitor.gemeenten ORDER BY code, peiljaar DESC) g
LEFT JOIN monitor.provincies p ON p.code = g.provinciecode
UNION ALL
SELECT p.code, p.naam, 'provincie', p.code, p.naam, NULL, NULL, true
FROM monitor.provincies p
UNION ALL
SELECT v.code, v.naam, 'veiligheidsregio', NULL, NULL, v.code, NULL, true
FROM monitor.veiligheidsregios v
UNION ALL
SELECT r.code, r.naam, 'regio', rp.provinciecode, p.naam, NULL, NULL, true
FROM monitor.regios r
LEFT JOIN LATERAL (
    SELECT CASE WHEN count(DISTINCT g.provinciecode) = 1 THEN min(g.provinciecode) END AS provinciecode
    FROM monitor.regio_leden l
    JOIN LATERAL (SELECT provinciecode FROM monitor.gemeenten x WHERE x.code = l.gemeentecode ORDER BY peiljaar DESC LIMIT 1) g ON true
    WHERE l.regiocode = r.code) rp ON true
LEFT JOIN monitor.provincies p ON p.code = rp.provinciecode
UNION ALL
SELECT 'NL', 'Nederland', 'land', NULL, NULL, NULL, NULL, true;

-- The members of each regio, with names: the Regio dashboard's per-gemeente figures join through this.
CREATE VIEW grafana.regio_leden AS
SELECT l.regiocode, r.naam AS regionaam, l.gemeentecode, g.gebiednaam AS gemeentenaam, g.provinciecode, g.provincienaam
FROM monitor.regio_leden l
JOIN monitor.regios r ON r.code = l.regiocode
LEFT JOIN grafana.gebieden g ON g.gebiedcode = l.gemeentecode AND g.niveau = 'gemeente';

-- ── Daily series ─────────────────────────────────────────────────────────────────────────────────────────────
-- One row per area, opgave and day, with names. For a provincie, regio or the land, gap is the NET gap
-- (Σ opgave − Σ gerealiseerd: a surplus covers a shortfall elsewhere) and tekort the GROSS shortfall (Σ of the
-- members' shortfalls). For the taakstelling, opgave_aantal is the gecorrigeerde taakstelling of the half year
-- and gerealiseerd the persons housed so far in it. Filter on gebiedcode/niveau, opgave and datum.
CREATE VIEW grafana.reeksen AS
SELECT grafana.middernacht(s.datum) AS "time", s.datum, s.gebiedcode, coalesce(g.gebiednaam, s.gebiedcode) AS gebiednaam,
       s.niveau, g.provinciecode, g.provincienaam, s.opgave,
       s.opgave_aantal, s.gerealiseerd, s.gap, s.tekort, s.realisatie_pct, s.duurzaam, s.deadline,
       s.prognose_laag, s.prognose_midden, s.prognose_hoog, s.methode, s.run_id
FROM monitor.series s
LEFT JOIN grafana.gebieden g ON g.gebiedcode = s.gebiedcode AND g.niveau = s.niveau;

-- Each area's latest computed day per opgave ("de stand"), with days to the deadline and an outlook label.
-- verwachting: gehaald (realised ≥ opgave) · op koers (even the low projection reaches the opgave by the
-- deadline) · onzeker (only the high one does) · dreigend tekort (not even the high one does: the early warning)
-- · tekort (short, and no deadline ahead or no projection) · onbekend (no opgave known).
CREATE VIEW grafana.stand AS
SELECT grafana.middernacht(s.datum) AS "time", s.datum, g.gebiedcode, g.gebiednaam, g.niveau, g.provinciecode, g.provincienaam,
       o.opgave, s.opgave_aantal, s.gerealiseerd, s.gap, s.tekort, s.realisatie_pct, s.duurzaam,
       s.deadline, s.deadline - grafana.vandaag() AS dagen_tot_deadline,
       s.prognose_laag, s.prognose_midden, s.prognose_hoog, s.methode,
       s.opgave_aantal - s.prognose_midden AS prognose_gap,
       CASE WHEN s.opgave_aantal IS NULL THEN 'onbekend'
            WHEN s.gerealiseerd >= s.opgave_aantal THEN 'gehaald'
            WHEN s.deadline IS NULL OR s.prognose_midden IS NULL THEN 'tekort'
            WHEN s.prognose_laag >= s.opgave_aantal THEN 'op koers'
            WHEN s.prognose_hoog >= s.opgave_aantal THEN 'onzeker'
            ELSE 'dreigend tekort' END AS verwachting,
       s.run_id, r.finished_at AS berekend_op
FROM grafana.gebieden g
CROSS JOIN (VALUES ('asiel'), ('amv'), ('oekraine'), ('taakstelling')) AS o (opgave)
CROSS JOIN LATERAL (
    SELECT * FROM monitor.series x WHERE x.gebiedcode = g.gebiedcode AND x.opgave = o.opgave
    ORDER BY x.datum DESC LIMIT 1) s
LEFT JOIN monitor.compute_runs r ON r.id = s.run_id
WHERE g.niveau IN ('gemeente', 'regio', 'provincie', 'land');

-- The projection fan: from the latest realised figure to the deadline, as low / middle / high lines. Two rows per
-- area and opgave, and none when no deadline lies ahead (after a deadline the series tracks the gap, unprojected).
CREATE VIEW grafana.prognoses AS
SELECT p."time", p.datum, st.gebiedcode, st.gebiednaam, st.niveau, st.provinciecode, st.opgave, st.opgave_aantal,
       p.laag, p.midden, p.hoog, st.methode, st.deadline
FROM grafana.stand st
CROSS JOIN LATERAL (VALUES
    (st."time", st.datum, st.gerealiseerd, st.gerealiseerd, st.gerealiseerd),
    (grafana.middernacht(st.deadline), st.deadline, st.prognose_laag, st.prognose_midden, st.prognose_hoog)
) AS p ("time", datum, laag, midden, hoog)
WHERE st.deadline >= st.datum AND st.prognose_midden IS NOT NULL;

-- Asiel + amv + oekraine as one combined opgave (the Hart van Brabant method), per area and day. Unknown when any
-- of the three is unknown: a partial sum would read as a smaller opgave. Filter on gebiedcode and datum.
CREATE VIEW grafana.gecombineerd AS
SELECT grafana.middernacht(s.datum) AS "time", s.datum, s.gebiedcode, s.niveau,
       CASE WHEN count(s.opgave_aantal) = 3 THEN sum(s.opgave_aantal) END AS opgave_aantal,
       sum(s.gerealiseerd) AS gerealiseerd,
       CASE WHEN count(s.opgave_aantal) = 3 AND sum(s.opgave_aantal) > 0
            THEN round(100.0 * sum(s.gerealiseerd) / sum(s.opgave_aantal), 1) END AS realisatie_pct
FROM monitor.series s
WHERE s.opgave IN ('asiel', 'amv', 'oekraine')
GROUP BY s.gebiedcode, s.niveau, s.datum;

-- Per regio member: the latest combined opgave and places (Hart van Brabant steps 1–3). The streefpercentage
-- and the division of the extra places (step 4) depend on a dashboard variable and are computed in the panel.
CREATE VIEW grafana.regio_stand AS
SELECT l.regiocode, l.regionaam, l.gemeentecode, l.gemeentenaam, c.datum,
       c.opgave_aantal, c.gerealiseerd,
       CASE WHEN c.opgave_aantal > 0 THEN round(100.0 * c.gerealiseerd / c.opgave_aantal, 1) END AS realisatie_pct
FROM grafana.regio_leden l
CROSS JOIN LATERAL (
    SELECT max(s.datum) AS datum,
           CASE WHEN count(s.opgave_aantal) = 3 THEN sum(s.opgave_aantal) END AS opgave_aantal,
           sum(s.gerealiseerd) AS gerealiseerd
    FROM (VALUES ('asiel'), ('amv'), ('oekraine')) AS o (opgave)
    CROSS JOIN LATERAL (
        SELECT x.datum, x.opgave_aantal, x.gerealiseerd FROM monitor.series x
        WHERE x.gebiedcode = l.gemeentecode AND x.opgave = o.opgave ORDER BY x.datum DESC LIMIT 1) s
) c
WHERE c.datum IS NOT NULL;

-- Deadlines are data (series.deadline): 1 July 2025 for asiel/amv in cycle 2024-2025, the last day of every half
-- year for the taakstelling, and whatever later cycles bring. One row per opgave and deadline: annotation source.
CREATE VIEW grafana.deadlines AS
SELECT grafana.middernacht(d.deadline) AS "time", d.deadline AS datum, d.opgave,
       CASE WHEN d.opgave = 'taakstelling'
            THEN 'Einde halfjaar ' || to_char(d.deadline, 'YYYY') || CASE WHEN extract(month FROM d.deadline) <= 6 THEN '-H1' ELSE '-H2' END
                 || ': taakstelling moet gehuisvest zijn'
            ELSE 'Deadline ' || d.opgave || ': plekken beschikbaar op ' || to_char(d.deadline, 'DD-MM-YYYY') END AS text,
       'deadline,' || d.opgave AS tags
FROM (SELECT opgave, deadline FROM monitor.series
      WHERE niveau = 'land' AND deadline IS NOT NULL GROUP BY opgave, deadline) d;

-- ── Taakstelling ─────────────────────────────────────────────────────────────────────────────────────────────
-- Each gemeente's half years with the carry-over: gecorrigeerde taakstelling = taakstelling + achterstand_in;
-- achterstand = gecorrigeerde taakstelling − gehuisvest (negative: voorsprong, carried the same way).
-- schema_pct is the share of the half year elapsed up to the latest housing count (n/6 rule, by day), so a late
-- report does not read as falling behind; op_schema says whether gehuisvest keeps pace with it.
CREATE VIEW grafana.taakstelling AS
SELECT grafana.middernacht(b.begin) AS "time", b.begin AS periode_begin, b.einde AS periode_einde,
       t.periode, t.gemeentecode, coalesce(g.gebiednaam, t.gemeentecode) AS gemeentenaam, g.provinciecode, g.provincienaam,
       t.taakstelling, t.carry_in AS achterstand_in, t.due AS gecorrigeerde_taakstelling, t.gehuisvest,
       t.achterstand, greatest(-t.achterstand, 0) AS voorsprong, greatest(t.due - t.gehuisvest, 0) AS nog_te_huisvesten,
       CASE WHEN t.due > 0 THEN round(100.0 * t.gehuisvest / t.due, 1) END AS realisatie_pct,
       e.schema_pct,
       CASE WHEN t.due IS NOT NULL THEN t.gehuisvest >= t.due * e.schema_pct / 100 END AS op_schema,
       h.peildatum AS laatste_telling, t.afgerond, t.gemist_op_rij, t.run_id
FROM monitor.taakstelling_halfjaren t
CROSS JOIN LATERAL (SELECT grafana.periode_begin(t.periode) AS begin, grafana.periode_einde(t.periode) AS einde) b
LEFT JOIN LATERAL (SELECT max(x.peildatum) AS peildatum FROM monitor.huisvesting x
                   WHERE x.periode = t.periode AND x.gemeentecode = t.gemeentecode) h ON true
CROSS JOIN LATERAL (
    SELECT CASE WHEN t.afgerond THEN 100.0
                ELSE round(100.0 * least(greatest(coalesce(h.peildatum, grafana.vandaag()) - b.begin + 1, 0), b.einde - b.begin + 1)
                           / (b.einde - b.begin + 1), 1) END AS schema_pct) e
LEFT JOIN grafana.gebieden g ON g.gebiedcode = t.gemeentecode AND g.niveau = 'gemeente';

-- ── Locations, agreements, opgave versions ───────────────────────────────────────────────────────────────────
-- The locations in each feed's latest snapshot. duurzaam: a span of at least 5 years (or open-ended), counted from
-- beschikbaar_vanaf or else the peildatum. telt_nu: beschikbaar and within its dates today.
CREATE VIEW grafana.locaties AS
SELECT p.feed, p.peildatum, p.opgave, p.locatiecode, coalesce(p.locatienaam, p.locatiecode) AS locatienaam,
       p.gemeentecode, coalesce(g.gebiednaam, p.gemeentecode) AS gemeentenaam, g.provinciecode, g.provincienaam,
       p.status, p.capaciteit, p.bezetting, p.beschikbaar_vanaf, p.beschikbaar_tot,
       (p.beschikbaar_tot IS NULL
        OR p.beschikbaar_tot >= coalesce(p.beschikbaar_vanaf, p.peildatum) + interval '5 years' - interval '1 day') AS duurzaam,
       (p.status = 'beschikbaar' AND coalesce(p.beschikbaar_vanaf <= grafana.vandaag(), true)
        AND coalesce(p.beschikbaar_tot >= grafana.vandaag(), true)) AS telt_nu,
       p.delivery_id AS levering
FROM (SELECT feed, max(peildatum) AS peildatum FROM monitor.plekken_snapshots GROUP BY feed) l
JOIN monitor.plekken p ON p.feed = l.feed AND p.peildatum = l.peildatum
LEFT JOIN grafana.gebieden g ON g.gebiedcode = p.gemeentecode AND g.niveau = 'gemeente';

-- Agreements (verdeling, herverdeling, uitruil) with names. in_kracht: decided, started, and not yet ended; a
-- cycle agreement (asiel/amv) stays in force after its cycle while that cycle is carried forward, i.e. until a
-- later cycle has started and has a published opgave.
CREATE VIEW grafana.afspraken AS
SELECT a.afspraakcode, a.soort, a.opgave,
       a.van_gemeentecode, coalesce(van.gebiednaam, a.van_gemeentecode) AS van_gemeentenaam, van.provinciecode AS van_provinciecode,
       a.naar_gemeentecode, coalesce(naar.gebiednaam, a.naar_gemeentecode) AS naar_gemeentenaam, naar.provinciecode AS naar_provinciecode,
       a.aantal, a.periode_van, a.periode_tot, grafana.periode_begin(a.periode_van) AS geldig_van, grafana.periode_einde(a.periode_tot) AS geldig_tot,
       a.besluitdatum, a.omschrijving,
       (a.besluitdatum <= grafana.vandaag() AND grafana.periode_begin(a.periode_van) <= grafana.vandaag()
        AND (grafana.periode_einde(a.periode_tot) >= grafana.vandaag()
             OR (a.periode_tot ~ '^\d{4}-\d{4}$' AND NOT EXISTS (
                    SELECT 1 FROM monitor.opgaven o
                    WHERE o.opgave = a.opgave AND o.periode ~ '^\d{4}-\d{4}$' AND o.periode > a.periode_tot
                      AND o.publicatiedatum <= grafana.vandaag() AND grafana.periode_begin(o.periode) <= grafana.vandaag())))) AS in_kracht,
       a.delivery_id AS levering
FROM monitor.afspraken a
LEFT JOIN grafana.gebieden van ON van.gebiedcode = a.van_gemeentecode AND van.niveau = 'gemeente'
LEFT JOIN grafana.gebieden naar ON naar.gebiedcode = a.naar_gemeentecode AND naar.niveau = 'gemeente';

-- Every published opgave figure (all versions): source, reference period and publication date with each number.
CREATE VIEW grafana.opgave_versies AS
SELECT grafana.middernacht(o.publicatiedatum) AS "time", o.publicatiedatum, o.opgave, o.versie, o.periode,
       o.gebiedcode, coalesce(g.gebiednaam, o.gebiedcode) AS gebiednaam, g.niveau, g.provinciecode, o.aantal,
       o.delivery_id AS levering, d.feed, d.fetched_at AS geleverd_op
FROM monitor.opgaven o
LEFT JOIN grafana.gebieden g ON g.gebiedcode = o.gebiedcode
LEFT JOIN monitor.deliveries d ON d.id = o.delivery_id;

-- ── Feeds and data quality ───────────────────────────────────────────────────────────────────────────────────
-- Every delivery. "time" is fetched_at itself, so $__timeFilter("time") uses the index.
CREATE VIEW grafana.leveringen AS
SELECT d.fetched_at AS "time", d.id AS levering, d.feed, d.kind AS soort, d.format AS formaat, d.outcome AS uitkomst,
       d.size_bytes AS bytes, d.rows_read AS rijen_gelezen, d.rows_loaded AS rijen_geladen, d.problem_count AS problemen,
       d.finished_at AS verwerkt_op, d.duplicate_of AS duplicaat_van, d.source AS bron
FROM monitor.deliveries d;

-- The last delivery per feed, the last accepted one, and how old that is. The feed list comes from a loose index
-- scan over deliveries_feed_time (one probe per feed), not from a scan of all deliveries.
CREATE VIEW grafana.feeds AS
WITH RECURSIVE feednamen (feed) AS (
    SELECT min(feed) FROM monitor.deliveries
    UNION ALL
    SELECT (SELECT min(d.feed) FROM monitor.deliveries d WHERE d.feed > f.feed) FROM feednamen f WHERE f.feed IS NOT NULL)
SELECT f.feed, l.kind AS soort, l.fetched_at AS laatste_levering, l.outcome AS laatste_uitkomst, l.problem_count AS laatste_problemen,
       a.fetched_at AS laatst_geaccepteerd, a.rows_loaded AS rijen_geladen,
       round((extract(epoch FROM now() - a.fetched_at) / 86400)::numeric, 1) AS dagen_sinds_acceptatie,
       (SELECT max(s.peildatum) FROM monitor.plekken_snapshots s WHERE s.feed = f.feed) AS laatste_peildatum
FROM feednamen f
CROSS JOIN LATERAL (SELECT * FROM monitor.deliveries d WHERE d.feed = f.feed ORDER BY d.fetched_at DESC LIMIT 1) l
LEFT JOIN LATERAL (SELECT * FROM monitor.deliveries d WHERE d.feed = f.feed AND d.outcome = 'accepted'
                   ORDER BY d.fetched_at DESC LIMIT 1) a ON true
WHERE f.feed IS NOT NULL;

-- Rejected deliveries, one row per problem (the problems jsonb unnested), with the reason in plain Dutch.
CREATE VIEW grafana.afkeuringen AS
SELECT d.fetched_at AS "time", d.id AS levering, d.feed, d.kind AS soort, d.source AS bron, d.problem_count AS aantal_problemen,
       p.nr, p.item ->> 'file' AS bestand, (p.item ->> 'line')::bigint AS regel, p.item ->> 'column' AS kolom,
       coalesce(p.item ->> 'message', 'geen reden vastgelegd') AS melding
FROM monitor.deliveries d
LEFT JOIN LATERAL jsonb_array_elements(d.problems) WITH ORDINALITY AS p (item, nr) ON true
WHERE d.outcome = 'rejected';

-- What the Monitor said before, per revised day: every figure that a recomputation changed, with the deliveries
-- that caused it.
CREATE VIEW grafana.revisies AS
SELECT r.revised_at AS "time", r.id AS revisie, r.run_id, r.gebiedcode, coalesce(g.gebiednaam, r.gebiedcode) AS gebiednaam,
       g.niveau, g.provinciecode, r.opgave, r.datum,
       r.oud_opgave_aantal, r.nieuw_opgave_aantal, r.oud_gerealiseerd, r.nieuw_gerealiseerd,
       r.oud_gap, r.nieuw_gap, r.oud_prognose_midden, r.nieuw_prognose_midden,
       array_to_string(r.oorzaak_leveringen, ', ') AS oorzaak_leveringen
FROM monitor.series_revisions r
LEFT JOIN grafana.gebieden g ON g.gebiedcode = r.gebiedcode AND g.niveau IN ('gemeente', 'regio', 'provincie', 'land');

-- The same revisions, one row per recomputation, area and opgave: the annotation source ("time", text, tags).
-- A late delivery can revise months of days at once; one marker per run says so instead of hundreds. A run writes
-- its revisions in one transaction, so revised_at is one instant per run and "time" can be filtered before grouping.
CREATE VIEW grafana.herzieningen AS
SELECT r.revised_at AS "time", r.run_id, r.gebiedcode, r.opgave, count(*) AS dagen, min(r.datum) AS eerste_datum,
       max(r.datum) AS laatste_datum,
       max(abs(coalesce(r.nieuw_gerealiseerd, 0) - coalesce(r.oud_gerealiseerd, 0))) AS grootste_wijziging_gerealiseerd,
       max(abs(coalesce(r.nieuw_opgave_aantal, 0) - coalesce(r.oud_opgave_aantal, 0))) AS grootste_wijziging_opgave,
       coalesce(nullif(string_agg(DISTINCT array_to_string(r.oorzaak_leveringen, ', '), ', '), ''), 'geen') AS oorzaak_leveringen,
       format('Herzien: %s %s, %s dag(en) van %s t/m %s; gerealiseerd tot %s anders, opgave tot %s anders (leveringen: %s)',
              r.gebiedcode, r.opgave, count(*), min(r.datum), max(r.datum),
              max(abs(coalesce(r.nieuw_gerealiseerd, 0) - coalesce(r.oud_gerealiseerd, 0))),
              max(abs(coalesce(r.nieuw_opgave_aantal, 0) - coalesce(r.oud_opgave_aantal, 0))),
              coalesce(nullif(string_agg(DISTINCT array_to_string(r.oorzaak_leveringen, ', '), ', '), ''), 'geen')) AS text,
       'herziening,' || r.opgave AS tags
FROM monitor.series_revisions r
GROUP BY r.revised_at, r.run_id, r.gebiedcode, r.opgave;

-- Facts that a later delivery changed (an opgave figure, a location, a housing count, an agreement): old and new.
CREATE VIEW grafana.feitrevisies AS
SELECT f.revised_at AS "time", f.id AS revisie, f.kind AS soort,
       coalesce(f.fact_key ->> 'gebiedcode', f.fact_key ->> 'gemeentecode', f.fact_key ->> 'van') AS gebiedcode,
       f.fact_key::text AS sleutel, f.old_value::text AS oud, f.new_value::text AS nieuw,
       f.old_delivery_id AS oude_levering, f.new_delivery_id AS nieuwe_levering, d.feed,
       format('%s herzien door levering %s (%s): %s → %s', f.kind, f.new_delivery_id, f.fact_key::text,
              coalesce(f.old_value::text, 'nieuw'), coalesce(f.new_value::text, 'vervallen')) AS text,
       'feitrevisie,' || f.kind AS tags
FROM monitor.fact_revisions f
LEFT JOIN monitor.deliveries d ON d.id = f.new_delivery_id;

-- Compute runs (full or incremental) and what the latest run found odd in the data.
CREATE VIEW grafana.berekeningen AS
SELECT c.started_at AS "time", c.id AS run_id, c.mode AS soort, c.finished_at AS klaar_op,
       round(extract(epoch FROM c.finished_at - c.started_at)::numeric, 1) AS duur_s, c.as_of AS rekendatum,
       coalesce(cardinality(c.trigger_deliveries), 0) AS leveringen, c.gemeenten, c.date_from AS vanaf,
       c.rows_written AS rijen_geschreven, c.rows_revised AS rijen_herzien
FROM monitor.compute_runs c;

CREATE VIEW grafana.bevindingen AS
SELECT c.started_at AS "time", f.run_id, f.soort, f.opgave, f.periode, f.gebiedcode,
       coalesce(g.gebiednaam, f.gebiedcode) AS gebiednaam, f.afspraakcode, f.bericht
FROM monitor.findings f
JOIN monitor.compute_runs c ON c.id = f.run_id
LEFT JOIN grafana.gebieden g ON g.gebiedcode = f.gebiedcode;

-- ── The read-only role ───────────────────────────────────────────────────────────────────────────────────────
-- Grants for monitor_grafana, in one place so they can be (re)applied: on first migration when the role exists or
-- can be created, and by an operator who creates the role later. SECURITY DEFINER: it runs as the owner of the
-- views (the migrating user), so the grants and default privileges are the owner's. Only the owner and
-- superusers may call it.
CREATE PROCEDURE monitor.grant_grafana_access()
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
BEGIN
    GRANT USAGE ON SCHEMA grafana TO monitor_grafana;
    GRANT SELECT ON ALL TABLES IN SCHEMA grafana TO monitor_grafana;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA grafana TO monitor_grafana;
    -- Views that later migrations add (alerts, ...) are readable without another grant.
    ALTER DEFAULT PRIVILEGES IN SCHEMA grafana GRANT SELECT ON TABLES TO monitor_grafana;
    ALTER DEFAULT PRIVILEGES IN SCHEMA grafana GRANT EXECUTE ON FUNCTIONS TO monitor_grafana;
    -- Nothing else: not the Monitor's tables, not Hangfire's, and no place to create objects.
    REVOKE ALL ON SCHEMA monitor FROM PUBLIC, monitor_grafana;
    REVOKE ALL ON ALL TABLES IN SCHEMA monitor FROM PUBLIC, monitor_grafana;
    REVOKE CREATE ON SCHEMA grafana FROM PUBLIC, monitor_grafana;
    IF to_regnamespace('hangfire') IS NOT NULL THEN
        REVOKE ALL ON SCHEMA hangfire FROM PUBLIC, monitor_grafana;
        REVOKE ALL ON ALL TABLES IN SCHEMA hangfire FROM PUBLIC, monitor_grafana;
    END IF;
    -- The default since PostgreSQL 15, stated for older servers; only the owner of schema public can say it.
    BEGIN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'Schema public: CREATE voor PUBLIC niet ingetrokken (geen eigenaar); controleer dat monitor_grafana daar niets kan maken.';
    END;
END
$$;
REVOKE ALL ON PROCEDURE monitor.grant_grafana_access() FROM PUBLIC;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'monitor_grafana') THEN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
            CREATE ROLE monitor_grafana NOLOGIN;
        ELSE
            -- Do not fail the migration: the Monitor works without Grafana. Tell the operator the one statement.
            RAISE NOTICE 'Rol monitor_grafana bestaat niet en % mag geen rollen maken. Laat een beheerder (superuser) eenmalig uitvoeren: DO $op$ BEGIN CREATE ROLE monitor_grafana NOLOGIN; CALL monitor.grant_grafana_access(); END $op$;', current_user;
            RETURN;
        END IF;
    END IF;
    CALL monitor.grant_grafana_access();
END
$$;
