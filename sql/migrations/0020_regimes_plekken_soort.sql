-- Issue 11: tasks that end (feed kind regimes) and the optional plekken columns soort and duurzaam.

-- When an opgave is monitored at all. Without any row for an opgave it is monitored throughout (the default). With
-- rows, it is monitored from geldig_vanaf up to the day before geldig_tot: geldig_tot is the day the task ends, so
-- "beëindigd per <geldig_tot>" reads as written. A regimes delivery is the whole list and replaces the previous one.
CREATE TABLE monitor.regimes (
    opgave       text   NOT NULL CHECK (opgave IN ('asiel', 'amv', 'oekraine', 'taakstelling')),
    geldig_vanaf date   NOT NULL,
    geldig_tot   date            CHECK (geldig_tot > geldig_vanaf),
    grondslag    text   NOT NULL,
    omschrijving text,
    delivery_id  bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines int[]  NOT NULL,
    PRIMARY KEY (opgave, geldig_vanaf)
);

-- Optional plekken columns (FEEDS.md): the kind of location, and the feed's own word on duurzaam (ja/nee).
ALTER TABLE monitor.plekken
    ADD COLUMN soort    text CHECK (soort IN ('regulier', 'noodopvang', 'crisisnoodopvang', 'amv_kleinschalig', 'goo', 'overig')),
    ADD COLUMN duurzaam text CHECK (duurzaam IN ('ja', 'nee'));

-- Per opgave its regime as of today: the latest regime that has started (or, before any has, none), whether the
-- opgave is monitored today, and when it ended. tekst is what every output shows for an ended task. The digest and
-- other outputs read this view (or RegimeStatus in C#, which says the same).
CREATE VIEW grafana.regimes AS
SELECT o.opgave, r.geldig_vanaf, r.geldig_tot, r.grondslag, r.omschrijving,
       CASE WHEN r.opgave IS NOT NULL THEN r.geldig_tot IS NULL OR r.geldig_tot > grafana.vandaag()
            ELSE NOT EXISTS (SELECT 1 FROM monitor.regimes x WHERE x.opgave = o.opgave) END AS gevolgd,
       CASE WHEN r.geldig_tot <= grafana.vandaag() THEN r.geldig_tot END AS beeindigd_per,
       CASE WHEN r.geldig_tot <= grafana.vandaag()
            THEN CASE o.opgave WHEN 'taakstelling' THEN 'taakstelling' WHEN 'oekraine' THEN 'Oekraïne-opgave'
                               WHEN 'amv' THEN 'amv-opgave' ELSE 'asielopgave' END
                 || ' beëindigd per ' || to_char(r.geldig_tot, 'FMDD-FMMM-YYYY') END AS tekst
FROM (VALUES ('asiel'), ('amv'), ('oekraine'), ('taakstelling')) AS o (opgave)
LEFT JOIN LATERAL (SELECT * FROM monitor.regimes x WHERE x.opgave = o.opgave AND x.geldig_vanaf <= grafana.vandaag()
                   ORDER BY x.geldig_vanaf DESC LIMIT 1) r ON true;

-- monitor.regimes_stand: the same, for the Monitor's own outputs (the digest reads schema monitor).
CREATE VIEW monitor.regimes_stand AS SELECT * FROM grafana.regimes;

-- Locations: duurzaam now follows the settled rule (DOMAIN.md): the feed says ja, or beschikbaar_vanaf and
-- beschikbaar_tot are both known and at least 5 years apart (beschikbaar_tot inclusive). An open end or an unknown
-- start is not duurzaam: the figure drives a bonus and must never be overstated. A feed's nee wins over the dates.
-- soort is shown wherever locations are listed.
CREATE OR REPLACE VIEW grafana.locaties AS
SELECT p.feed, p.peildatum, p.opgave, p.locatiecode, coalesce(p.locatienaam, p.locatiecode) AS locatienaam,
       p.gemeentecode, coalesce(g.gebiednaam, p.gemeentecode) AS gemeentenaam, g.provinciecode, g.provincienaam,
       p.status, p.capaciteit, p.bezetting, p.beschikbaar_vanaf, p.beschikbaar_tot,
       CASE p.duurzaam WHEN 'ja' THEN true WHEN 'nee' THEN false
            ELSE coalesce(p.beschikbaar_tot >= p.beschikbaar_vanaf + interval '5 years' - interval '1 day', false) END AS duurzaam,
       (p.status = 'beschikbaar' AND coalesce(p.beschikbaar_vanaf <= grafana.vandaag(), true)
        AND coalesce(p.beschikbaar_tot >= grafana.vandaag(), true)) AS telt_nu,
       p.delivery_id AS levering,
       p.soort
FROM (SELECT feed, max(peildatum) AS peildatum FROM monitor.plekken_snapshots GROUP BY feed) l
JOIN monitor.plekken p ON p.feed = l.feed AND p.peildatum = l.peildatum
LEFT JOIN grafana.gebieden g ON g.gebiedcode = p.gemeentecode AND g.niveau = 'gemeente';
