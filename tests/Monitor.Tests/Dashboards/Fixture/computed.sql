-- What the compute job would have written, made up so that every dashboard panel has data: daily series from
-- 2024-01-01 to today for the gemeenten of Noord-Brabant (so also the Hart van Brabant regio), every provincie and
-- the land; the taakstelling half years with carry-over; revisions; findings. Run after the fixture's deliveries.
-- Synthetic on purpose: the integrator swaps this for real computed data once the compute job is merged.

CREATE TEMP TABLE fx_runs AS
WITH runs AS (
INSERT INTO monitor.compute_runs (mode, started_at, finished_at, as_of, trigger_deliveries, gemeenten, date_from, rows_written, rows_revised)
VALUES ('full', now() - interval '1 day', now() - interval '1 day' + interval '95 seconds', current_date, '{}', 342, DATE '2024-01-01', 0, 0),
       ('incremental', TIMESTAMPTZ '2025-05-10 06:00+02', TIMESTAMPTZ '2025-05-10 06:00:12+02', DATE '2025-05-10',
        coalesce((SELECT array_agg(id) FROM monitor.deliveries WHERE kind = 'opgave'), '{}'), 9, DATE '2025-01-01', 4000, 15)
RETURNING id, mode)
SELECT (SELECT id FROM runs WHERE mode = 'full') AS volledig, (SELECT id FROM runs WHERE mode = 'incremental') AS bijwerking;

CREATE TEMP TABLE fx_dagen AS
SELECT d::date AS datum FROM generate_series(DATE '2024-01-01', current_date, interval '1 day') AS d;

-- Pace per gemeente: most between 10% and 150% of their opgave, one in ten far above (the Hart van Brabant spread).
CREATE TEMP TABLE fx_gemeenten AS
SELECT g.code, g.inwoners,
       CASE WHEN abs(hashtext(g.code)) % 10 = 0 THEN 4.6 ELSE 0.1 + (abs(hashtext(g.code)) % 140) / 100.0 END AS tempo,
       0.5 + (abs(hashtext(g.code || 'taak')) % 100) / 100.0 AS tempo_taak
FROM monitor.gemeenten_actueel g WHERE g.provinciecode = 'PV30';

-- Cycle 1 ends with the 1 July 2025 deadline; after it the gap is tracked without one until the fixture's cycle 2,
-- whose deadline is 1 July of next year, so that a projection to a deadline ahead always exists.
CREATE TEMP TABLE fx_plekken AS
SELECT g.code, o.opgave, d.datum,
       round(g.inwoners * o.per_inwoner * CASE WHEN d.datum >= DATE '2024-12-31' AND o.opgave <> 'oekraine' THEN 1.05 ELSE 1 END)::int AS opgave_aantal,
       round(g.inwoners * o.per_inwoner * g.tempo * least(1.0, (d.datum - DATE '2024-01-01') / 548.0))::int AS gerealiseerd,
       CASE WHEN o.opgave = 'oekraine' THEN NULL
            WHEN d.datum <= DATE '2025-07-01' THEN DATE '2025-07-01'
            WHEN d.datum >= DATE '2026-01-01' THEN make_date(extract(year FROM current_date)::int + 1, 7, 1) END AS deadline,
       g.tempo
FROM fx_gemeenten g
CROSS JOIN (VALUES ('asiel', 0.0055), ('amv', 0.0005), ('oekraine', 0.004)) AS o (opgave, per_inwoner)
CROSS JOIN fx_dagen d;

INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                            deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
SELECT code, 'gemeente', opgave, datum, opgave_aantal, gerealiseerd, opgave_aantal - gerealiseerd, greatest(opgave_aantal - gerealiseerd, 0),
       round(100.0 * gerealiseerd / nullif(opgave_aantal, 0), 2), round(gerealiseerd * 0.4)::int, deadline,
       CASE WHEN deadline IS NOT NULL THEN greatest(gerealiseerd, round(opgave_aantal * tempo * 0.85)::int) END,
       CASE WHEN deadline IS NOT NULL THEN greatest(gerealiseerd, round(opgave_aantal * tempo)::int) END,
       CASE WHEN deadline IS NOT NULL THEN greatest(gerealiseerd, round(opgave_aantal * tempo * 1.1)::int) END,
       CASE WHEN deadline IS NOT NULL THEN 'pijplijn+trend' END, (SELECT volledig FROM fx_runs)
FROM fx_plekken;

-- The taakstelling: a half-year chain per gemeente. achterstand(h) = Σ (taakstelling − gehuisvest) up to h.
CREATE TEMP TABLE fx_halfjaren AS
WITH h AS (
    SELECT y || '-H' || n AS periode, make_date(y, CASE n WHEN 1 THEN 1 ELSE 7 END, 1) AS begin,
           CASE n WHEN 1 THEN make_date(y, 6, 30) ELSE make_date(y, 12, 31) END AS einde
    FROM generate_series(2024, extract(year FROM current_date)::int) AS y, (VALUES (1), (2)) AS n (n)),
base AS (
    SELECT g.code, h.periode, h.begin, h.einde, round(g.inwoners * 0.0006)::int AS taakstelling,
           round(g.inwoners * 0.0006 * g.tempo_taak)::int AS gehuisvest_eind, current_date > h.einde AS afgerond
    FROM fx_gemeenten g CROSS JOIN h WHERE h.begin <= current_date),
sofar AS (
    SELECT *, CASE WHEN afgerond THEN gehuisvest_eind
                   ELSE round(gehuisvest_eind * (current_date - begin + 1)::numeric / (einde - begin + 1))::int END AS gehuisvest
    FROM base),
chain AS (
    SELECT *, coalesce(sum(taakstelling - gehuisvest) OVER (PARTITION BY code ORDER BY periode
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS carry_in
    FROM sofar),
missed AS (
    SELECT *, afgerond AND taakstelling + carry_in - gehuisvest > 0 AS gemist FROM chain),
runs AS (
    SELECT *, count(*) FILTER (WHERE NOT gemist) OVER (PARTITION BY code ORDER BY periode) AS reeks FROM missed)
SELECT code, periode, begin, einde, taakstelling, carry_in, taakstelling + carry_in AS due, gehuisvest, gehuisvest_eind,
       taakstelling + carry_in - gehuisvest AS achterstand, afgerond,
       CASE WHEN gemist THEN count(*) FILTER (WHERE gemist) OVER (PARTITION BY code, reeks ORDER BY periode) ELSE 0 END AS gemist_op_rij
FROM runs;

-- The running half year reports the missed half years before it.
UPDATE fx_halfjaren r SET gemist_op_rij = p.gemist_op_rij
FROM fx_halfjaren p WHERE NOT r.afgerond AND p.code = r.code AND p.einde = r.begin - 1;

INSERT INTO monitor.taakstelling_halfjaren (gemeentecode, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, run_id)
SELECT code, periode, taakstelling, carry_in, due, gehuisvest, achterstand, afgerond, gemist_op_rij, (SELECT volledig FROM fx_runs) FROM fx_halfjaren;

INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                            deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
SELECT h.code, 'gemeente', 'taakstelling', d.datum, h.due, x.gerealiseerd, h.due - x.gerealiseerd, greatest(h.due - x.gerealiseerd, 0),
       round(100.0 * x.gerealiseerd / nullif(h.due, 0), 2), NULL, h.einde,
       round(h.gehuisvest_eind * 0.9)::int, h.gehuisvest_eind, round(h.gehuisvest_eind * 1.1)::int, 'tempo+trend', (SELECT volledig FROM fx_runs)
FROM fx_halfjaren h
JOIN fx_dagen d ON d.datum BETWEEN h.begin AND h.einde
CROSS JOIN LATERAL (SELECT round(h.gehuisvest_eind * (d.datum - h.begin + 1)::numeric / (h.einde - h.begin + 1))::int AS gerealiseerd) x;

-- Aggregates: Noord-Brabant and Hart van Brabant from their gemeenten (net gap, gross shortfall).
INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                            deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
SELECT a.gebiedcode, a.niveau, s.opgave, s.datum, sum(s.opgave_aantal), sum(s.gerealiseerd), sum(s.opgave_aantal) - sum(s.gerealiseerd),
       sum(s.tekort), round(100.0 * sum(s.gerealiseerd) / nullif(sum(s.opgave_aantal), 0), 2), sum(s.duurzaam), min(s.deadline),
       sum(s.prognose_laag), sum(s.prognose_midden), sum(s.prognose_hoog), min(s.methode), (SELECT volledig FROM fx_runs)
FROM monitor.series s
JOIN (SELECT 'PV30' AS gebiedcode, 'provincie' AS niveau, code FROM fx_gemeenten
      UNION ALL
      SELECT regiocode, 'regio', gemeentecode FROM monitor.regio_leden WHERE regiocode = 'HVB') a ON a.code = s.gebiedcode
WHERE s.niveau = 'gemeente'
GROUP BY a.gebiedcode, a.niveau, s.opgave, s.datum;

-- The other provincies: made up from their inwoners, each with its own pace.
INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                            deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
SELECT p.code, 'provincie', o.opgave, d.datum, x.opgave_aantal, x.gerealiseerd, x.opgave_aantal - x.gerealiseerd,
       greatest(x.opgave_aantal - x.gerealiseerd, 0) + round(x.opgave_aantal * 0.05)::int,
       round(100.0 * x.gerealiseerd / nullif(x.opgave_aantal, 0), 2),
       CASE WHEN o.opgave <> 'taakstelling' THEN round(x.gerealiseerd * 0.4)::int END, dl.deadline,
       CASE WHEN dl.deadline IS NOT NULL THEN round(x.opgave_aantal * p.tempo * 0.85)::int END,
       CASE WHEN dl.deadline IS NOT NULL THEN round(x.opgave_aantal * p.tempo)::int END,
       CASE WHEN dl.deadline IS NOT NULL THEN round(x.opgave_aantal * p.tempo * 1.1)::int END,
       CASE WHEN dl.deadline IS NOT NULL THEN 'pijplijn+trend' END, (SELECT volledig FROM fx_runs)
FROM (SELECT provinciecode AS code, sum(inwoners) AS inwoners, 0.6 + (abs(hashtext(provinciecode)) % 60) / 100.0 AS tempo
      FROM monitor.gemeenten_actueel WHERE provinciecode <> 'PV30' GROUP BY provinciecode) p
CROSS JOIN (VALUES ('asiel', 0.0055), ('amv', 0.0005), ('oekraine', 0.004), ('taakstelling', 0.0006)) AS o (opgave, per_inwoner)
CROSS JOIN fx_dagen d
CROSS JOIN LATERAL (SELECT CASE WHEN extract(month FROM d.datum) <= 6 THEN date_trunc('year', d.datum)::date
                                ELSE date_trunc('year', d.datum)::date + interval '6 months' END::date AS begin) hj
CROSS JOIN LATERAL (SELECT CASE WHEN o.opgave = 'oekraine' THEN NULL
                                WHEN o.opgave = 'taakstelling' THEN (hj.begin + interval '6 months' - interval '1 day')::date
                                WHEN d.datum <= DATE '2025-07-01' THEN DATE '2025-07-01'
                                WHEN d.datum >= DATE '2026-01-01' THEN make_date(extract(year FROM current_date)::int + 1, 7, 1) END AS deadline) dl
CROSS JOIN LATERAL (SELECT round(p.inwoners * o.per_inwoner)::int AS opgave_aantal,
                           round(p.inwoners * o.per_inwoner * p.tempo * CASE WHEN o.opgave = 'taakstelling'
                                 THEN (d.datum - hj.begin + 1) / 182.0 ELSE least(1.0, (d.datum - DATE '2024-01-01') / 548.0) END)::int AS gerealiseerd) x;

-- The land from the provincies.
INSERT INTO monitor.series (gebiedcode, niveau, opgave, datum, opgave_aantal, gerealiseerd, gap, tekort, realisatie_pct, duurzaam,
                            deadline, prognose_laag, prognose_midden, prognose_hoog, methode, run_id)
SELECT 'NL', 'land', opgave, datum, sum(opgave_aantal), sum(gerealiseerd), sum(opgave_aantal) - sum(gerealiseerd), sum(tekort),
       round(100.0 * sum(gerealiseerd) / nullif(sum(opgave_aantal), 0), 2), sum(duurzaam), min(deadline),
       sum(prognose_laag), sum(prognose_midden), sum(prognose_hoog), min(methode), (SELECT volledig FROM fx_runs)
FROM monitor.series WHERE niveau = 'provincie' GROUP BY opgave, datum;

-- Revisions: an opgave bijstelling in May 2025 (run 2) and a late housing count three days ago (run 1).
INSERT INTO monitor.series_revisions (gebiedcode, opgave, datum, oud_opgave_aantal, nieuw_opgave_aantal, oud_gerealiseerd, nieuw_gerealiseerd,
                                      oud_gap, nieuw_gap, oud_prognose_midden, nieuw_prognose_midden, oud_run_id, run_id, oorzaak_leveringen, revised_at)
SELECT s.gebiedcode, s.opgave, s.datum, s.opgave_aantal + 12, s.opgave_aantal, s.gerealiseerd, s.gerealiseerd, s.gap + 12, s.gap,
       s.prognose_midden, s.prognose_midden, (SELECT volledig FROM fx_runs), (SELECT bijwerking FROM fx_runs), coalesce((SELECT array_agg(id) FROM monitor.deliveries WHERE kind = 'opgave' AND outcome = 'accepted'), '{}'),
       TIMESTAMPTZ '2025-05-10 06:00:05+02'
FROM monitor.series s
WHERE s.gebiedcode IN ('PV30', 'GM0855', 'HVB', 'NL') AND s.opgave = 'asiel' AND s.datum BETWEEN DATE '2025-01-01' AND DATE '2025-05-09';

INSERT INTO monitor.series_revisions (gebiedcode, opgave, datum, oud_opgave_aantal, nieuw_opgave_aantal, oud_gerealiseerd, nieuw_gerealiseerd,
                                      oud_gap, nieuw_gap, oud_prognose_midden, nieuw_prognose_midden, oud_run_id, run_id, oorzaak_leveringen, revised_at)
SELECT s.gebiedcode, s.opgave, s.datum, s.opgave_aantal, s.opgave_aantal, s.gerealiseerd - 3, s.gerealiseerd, s.gap + 3, s.gap,
       s.prognose_midden, s.prognose_midden, (SELECT volledig FROM fx_runs), (SELECT volledig FROM fx_runs), coalesce((SELECT array_agg(id) FROM monitor.deliveries WHERE kind = 'huisvesting' AND outcome = 'accepted'), '{}'),
       date_trunc('hour', now()) - interval '3 days'
FROM monitor.series s
WHERE s.gebiedcode IN ('PV30', 'GM0855', 'HVB', 'NL') AND s.opgave IN ('asiel', 'taakstelling') AND s.datum > current_date - 10;

INSERT INTO monitor.findings (run_id, soort, opgave, periode, gebiedcode, afspraakcode, bericht)
VALUES ((SELECT volledig FROM fx_runs), 'SomGemeentenWijktAfVanProvincie', 'asiel', '2024-2025', 'PV30', NULL,
        'De gemeenten van Noord-Brabant tellen op tot 14.512 asielplekken; het provinciale cijfer is 14.689.'),
       ((SELECT volledig FROM fx_runs), 'NegatieveOpgave', 'taakstelling', '2025-H2', 'GM0798', 'HVB-UITRUIL-2025',
        'Na afspraak HVB-UITRUIL-2025 is de taakstelling van Hilvarenbeek in 2025-H2 negatief (-3).');

-- Deliveries and fact revisions from 2025, so that the year 2025 shows feed activity too.
UPDATE monitor.deliveries SET fetched_at = TIMESTAMPTZ '2025-03-14 09:12+01', finished_at = TIMESTAMPTZ '2025-03-14 09:12:03+01'
WHERE id = (SELECT min(id) FROM monitor.deliveries WHERE outcome = 'rejected');
UPDATE monitor.deliveries SET fetched_at = TIMESTAMPTZ '2025-01-06 07:30+01', finished_at = TIMESTAMPTZ '2025-01-06 07:30:02+01'
WHERE id = (SELECT min(id) FROM monitor.deliveries WHERE kind = 'opgave');
UPDATE monitor.fact_revisions SET revised_at = TIMESTAMPTZ '2025-05-10 05:58+02' WHERE id = (SELECT min(id) FROM monitor.fact_revisions);
INSERT INTO monitor.fact_revisions (kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id, revised_at)
SELECT kind, fact_key, old_value, new_value, old_delivery_id, new_delivery_id, now() - interval '2 days'
FROM monitor.fact_revisions WHERE id = (SELECT min(id) FROM monitor.fact_revisions);

ANALYZE;
