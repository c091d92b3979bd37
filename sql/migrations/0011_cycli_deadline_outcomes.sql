-- Cycles as data, and what happened on a passed deadline.
--
-- monitor.cycli holds the feed kind `cycli`: a cycle's dates per opgave and periode. Two rows with one periode are an
-- extended deadline (the later one is the deadline that counts; the earlier one stays readable). Without any row
-- there are no cycle deadlines: asiel and amv then have no deadline and no projection (the outputs say so).
CREATE TABLE monitor.cycli (
    opgave                   text   NOT NULL CHECK (opgave IN ('asiel', 'amv', 'oekraine', 'taakstelling')),
    periode                  text   NOT NULL,
    deadline                 date   NOT NULL,
    startdatum               date,
    verslag_uiterlijk        date,
    verdeelbesluit_uiterlijk date,
    omschrijving             text,
    delivery_id              bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines             int[]  NOT NULL,
    PRIMARY KEY (opgave, periode, deadline)
);

-- The outcome on each passed deadline, per area and opgave, written by the compute job (replaced every run; a few
-- thousand rows). Figures are those of the series on the deadline day (so later figures and agreements do not
-- rewrite them): opgave, realised, the net gap and the gross shortfall, and which member gemeenten missed it.
--   laatste_van_periode: false for an earlier deadline of a periode that was extended (informative only);
--   volgende_deadline:   the next listed deadline of the opgave after this one: the outcome is shown until then;
--   vervangen_op:        the first day on which a later cycle's binding figure (verdeelbesluit, vastgesteld or
--                        bijstelling) for the area, or for one of its member gemeenten, is in force: from then on the
--                        new cycle's figure is what counts and the state "deadline gemist" ends. Null: not (yet).
CREATE TABLE monitor.deadline_outcomes (
    gebiedcode          text    NOT NULL,
    niveau              text    NOT NULL CHECK (niveau IN ('gemeente', 'regio', 'provincie', 'land')),
    opgave              text    NOT NULL,
    periode             text    NOT NULL,
    deadline            date    NOT NULL,
    laatste_van_periode boolean NOT NULL,
    opgave_aantal       int,                -- null: unknown (a member without opgave and no provincial figure)
    gerealiseerd        int     NOT NULL,
    netto_gap           int,                -- opgave − gerealiseerd (for a gemeente its own gap)
    bruto_tekort        int,                -- Σ shortfalls of member gemeenten below their opgave
    gemist_aantal       int     NOT NULL,   -- member gemeenten below their opgave on the deadline
    gemist_gemeenten    text[]  NOT NULL,   -- their codes, largest shortfall first
    onbekend_aantal     int     NOT NULL,   -- member gemeenten without an opgave on the deadline
    leden_aantal        int     NOT NULL,
    volgende_deadline   date,
    vervangen_op        date,
    run_id              bigint  NOT NULL REFERENCES monitor.compute_runs (id),
    PRIMARY KEY (gebiedcode, opgave, deadline)
);

-- ── Grafana ─────────────────────────────────────────────────────────────────────────────────────────────────
-- A whole number as people read it here: 1.328 (thousands with a point), -40.
CREATE FUNCTION grafana.getal(n bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN replace(to_char(n, 'FM999,999,999,999'), ',', '.');

-- The outcome of the latest passed deadline per area and opgave, beside today's figures, while it is shown (until
-- the next deadline). sinds_deadline: places added since the deadline (today − then). nog_te_gaan: what is still
-- missing against the opgave on the deadline (net for an area). status: 'deadline gemist' while short and not
-- replaced by a later cycle's binding figure, 'ingehaald' once realised reaches the opgave of the deadline,
-- 'vervangen' once a later cycle's figure counts, 'gehaald' when it was met on the day, 'onbekend' without opgave.
CREATE VIEW grafana.deadline_uitkomsten AS
SELECT grafana.middernacht(u.deadline) AS "time", u.deadline, u.periode, u.gebiedcode, coalesce(g.gebiednaam, u.gebiedcode) AS gebiednaam,
       u.niveau, g.provinciecode, g.provincienaam, u.opgave,
       u.opgave_aantal, u.gerealiseerd, u.netto_gap, u.bruto_tekort, u.gemist_aantal, u.onbekend_aantal, u.leden_aantal,
       array_to_string(u.gemist_gemeenten, ', ') AS gemist_gemeenten,
       s.datum AS datum_nu, s.gerealiseerd AS gerealiseerd_nu, s.gerealiseerd - u.gerealiseerd AS sinds_deadline,
       greatest(u.opgave_aantal - s.gerealiseerd, 0) AS nog_te_gaan,
       u.volgende_deadline, u.vervangen_op,
       CASE WHEN u.opgave_aantal IS NULL THEN 'onbekend'
            WHEN u.gerealiseerd >= u.opgave_aantal THEN 'gehaald'
            WHEN u.vervangen_op IS NOT NULL AND u.vervangen_op <= s.datum THEN 'vervangen'
            WHEN s.gerealiseerd >= u.opgave_aantal THEN 'ingehaald'
            ELSE 'deadline gemist' END AS status,
       'deadline ' || to_char(u.deadline, 'FMDD-FMMM-YYYY') || ' verstreken: ' ||
       CASE WHEN u.opgave_aantal IS NULL THEN 'opgave onbekend (' || u.onbekend_aantal || ' van ' || u.leden_aantal || ' gemeenten zonder opgave)'
            WHEN u.gerealiseerd >= u.opgave_aantal THEN 'gehaald (' || grafana.getal(u.gerealiseerd) || ' van ' || grafana.getal(u.opgave_aantal) || ' plekken)'
            ELSE grafana.getal(u.netto_gap) || ' plekken tekort (netto)'
                 || CASE WHEN u.niveau <> 'gemeente' THEN ', ' || u.gemist_aantal || ' gemeenten haalden hun opgave niet' ELSE '' END END AS uitkomst
FROM (SELECT DISTINCT ON (gebiedcode, opgave) * FROM monitor.deadline_outcomes
      WHERE laatste_van_periode AND deadline < grafana.vandaag()
      ORDER BY gebiedcode, opgave, deadline DESC) u
LEFT JOIN grafana.gebieden g ON g.gebiedcode = u.gebiedcode AND g.niveau = u.niveau
LEFT JOIN LATERAL (SELECT x.datum, x.gerealiseerd FROM monitor.series x
                   WHERE x.gebiedcode = u.gebiedcode AND x.opgave = u.opgave ORDER BY x.datum DESC LIMIT 1) s ON true
WHERE u.volgende_deadline IS NULL OR u.volgende_deadline >= grafana.vandaag();

-- The cycles as delivered: one row per opgave, periode and deadline (an extension is a second row).
CREATE VIEW grafana.cycli AS
SELECT grafana.middernacht(c.deadline) AS "time", c.opgave, c.periode, c.deadline, c.startdatum, c.verslag_uiterlijk,
       c.verdeelbesluit_uiterlijk, c.omschrijving,
       c.deadline < max(c.deadline) OVER (PARTITION BY c.opgave, c.periode) AS verlengd, c.delivery_id
FROM monitor.cycli c;
