-- Issue 14: supervision. Koppelingen (persons COA linked to a gemeente), the toezichthouder's register, and what the
-- Monitor proposed on each evaluation date (so the Toezicht dashboard shows the proposal the warnings were based on).

-- gekoppeld is cumulative within the half year, as of peildatum (like huisvesting.gehuisvest).
CREATE TABLE monitor.koppelingen (
    periode           text   NOT NULL CHECK (periode ~ '^[0-9]{4}-H[12]$'),
    gemeentecode      text   NOT NULL,
    peildatum         date   NOT NULL,
    gekoppeld         int    NOT NULL CHECK (gekoppeld >= 0),
    waarvan_amv       int             CHECK (waarvan_amv >= 0),
    delivery_id       bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines      int[]  NOT NULL,
    PRIMARY KEY (periode, gemeentecode, peildatum)
);
CREATE INDEX koppelingen_delivery ON monitor.koppelingen (delivery_id);

-- The register: every decision is a row and stays. The one in force for (gemeente, opgave) is the latest besluitdatum
-- (then the latest delivery and line); a row delivered again with other values is a correction (fact_revisions).
CREATE TABLE monitor.toezicht_besluiten (
    gemeentecode      text   NOT NULL,
    bron_gemeentecode text   NOT NULL,
    opgave            text   NOT NULL CHECK (opgave IN ('asiel', 'amv', 'taakstelling')),
    besluitdatum      date   NOT NULL,
    stap              text   NOT NULL CHECK (stap IN ('informeren', 'hoor_en_wederhoor', 'plan_van_aanpak', 'bestuurlijk_gesprek',
                                                     'aanwijzing', 'indeplaatsstelling', 'afgesloten')),
    regime            text            CHECK (regime IN ('groen', 'oranje', 'rood')),
    oordeel           text            CHECK (oordeel IN ('verschoonbaar', 'verwijtbaar', 'nog_niet_beoordeeld')),
    termijn           date,
    toelichting       text,
    delivery_id       bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines      int[]  NOT NULL,
    PRIMARY KEY (gemeentecode, opgave, besluitdatum, stap)
);
CREATE INDEX toezicht_besluiten_delivery ON monitor.toezicht_besluiten (delivery_id);

-- The proposal per gemeente on an evaluation date (written by the alert run), kept per date.
CREATE TABLE monitor.toezicht_voorstellen (
    datum             date   NOT NULL,
    gemeentecode      text   NOT NULL,
    gemist_op_rij     int    NOT NULL,
    verklaard_op_rij  int    NOT NULL,   -- of those, fully explained by too few koppelingen
    achterstand       int,
    verklaard_door_koppelingen int,
    voorgestelde_stap text,
    voorgesteld_regime text,
    vastgelegde_stap  text,
    oordeel           text,
    termijn           date,
    vergelijking      text   NOT NULL,  -- gelijk, register_verder, voorstel_zwaarder
    PRIMARY KEY (datum, gemeentecode)
);

-- ── Grafana ────────────────────────────────────────────────────────────────────────────────────────────────
-- Koppelingen beside due and housed per gemeente and half year: the latest count of each on or before today.
CREATE VIEW grafana.koppelingen AS
SELECT t."time", t.periode, t.gemeentecode, t.gemeentenaam, t.provinciecode, t.provincienaam,
       t.gecorrigeerde_taakstelling, t.gehuisvest, k.gekoppeld, t.achterstand,
       CASE WHEN t.achterstand > 0 AND k.gekoppeld IS NOT NULL
            THEN least(t.achterstand, greatest(t.gecorrigeerde_taakstelling - greatest(k.gekoppeld, t.gehuisvest), 0)) END
           AS verklaard_door_koppelingen,
       k.peildatum AS koppeling_peildatum
FROM grafana.taakstelling t
LEFT JOIN LATERAL (SELECT x.gekoppeld, x.peildatum FROM monitor.koppelingen x
                   WHERE x.periode = t.periode AND x.gemeentecode = t.gemeentecode AND x.peildatum <= grafana.vandaag()
                   ORDER BY x.peildatum DESC LIMIT 1) k ON true;

-- Every decision of the register, with whether it is the one in force.
CREATE VIEW grafana.toezicht_register AS
SELECT (b.besluitdatum::timestamp AT TIME ZONE 'Europe/Amsterdam') AS "time", b.gemeentecode,
       coalesce(g.gebiednaam, b.gemeentecode) AS gemeentenaam, g.provinciecode, g.provincienaam, b.opgave, b.besluitdatum, b.stap,
       b.regime, b.oordeel, b.termijn, b.toelichting,
       b.termijn IS NOT NULL AND b.termijn < grafana.vandaag() AND r.rang = 1 AS termijn_verstreken,
       r.rang = 1 AS geldend
FROM monitor.toezicht_besluiten b
JOIN LATERAL (SELECT count(*) + 1 AS rang FROM monitor.toezicht_besluiten l
              WHERE l.gemeentecode = b.gemeentecode AND l.opgave = b.opgave
                AND (l.besluitdatum, l.delivery_id, l.source_lines[1]) > (b.besluitdatum, b.delivery_id, b.source_lines[1])) r ON true
LEFT JOIN grafana.gebieden g ON g.gebiedcode = b.gemeentecode AND g.niveau = 'gemeente';

-- The latest proposal per gemeente, as the alert run made it.
CREATE VIEW grafana.toezicht_ladder AS
SELECT (v.datum::timestamp AT TIME ZONE 'Europe/Amsterdam') AS "time", v.datum, v.gemeentecode,
       coalesce(g.gebiednaam, v.gemeentecode) AS gemeentenaam, g.provinciecode, g.provincienaam,
       v.gemist_op_rij, v.verklaard_op_rij, v.achterstand, v.verklaard_door_koppelingen, v.voorgestelde_stap, v.voorgesteld_regime,
       v.vastgelegde_stap, v.oordeel, v.termijn, v.termijn IS NOT NULL AND v.termijn < v.datum AS termijn_verstreken, v.vergelijking
FROM monitor.toezicht_voorstellen v
LEFT JOIN grafana.gebieden g ON g.gebiedcode = v.gemeentecode AND g.niveau = 'gemeente'
WHERE v.datum = (SELECT max(datum) FROM monitor.toezicht_voorstellen);

DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'monitor_grafana') THEN
        GRANT USAGE ON SCHEMA grafana TO monitor_grafana;
        GRANT SELECT ON grafana.koppelingen, grafana.toezicht_register, grafana.toezicht_ladder TO monitor_grafana;
    END IF;
END $$;
