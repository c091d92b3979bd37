-- The warehouse: reference data with history, deliveries with their raw bytes, and one fact table per feed kind.
-- Every fact row carries delivery_id and source_lines so each figure can be traced to the delivery and line(s) it came from.
-- Tables live in schema monitor; Grafana reads views in schema grafana only (see later migrations).

CREATE SCHEMA IF NOT EXISTS monitor;

-- ── Deliveries ───────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE monitor.deliveries (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed           text        NOT NULL,
    kind           text        NOT NULL,
    source         text        NOT NULL,               -- file path or URL as fetched
    format         text,                               -- csv | xlsx | json
    fetched_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    size_bytes     bigint      NOT NULL,
    sha256         bytea       NOT NULL,
    -- pending: bytes stored, not yet loaded; accepted/rejected: final; duplicate: same bytes as an accepted delivery
    outcome        text        NOT NULL DEFAULT 'pending'
                   CHECK (outcome IN ('pending', 'accepted', 'rejected', 'duplicate')),
    duplicate_of   bigint REFERENCES monitor.deliveries (id),
    rows_read      bigint,
    rows_loaded    bigint,
    problem_count  int         NOT NULL DEFAULT 0,
    problems       jsonb       NOT NULL DEFAULT '[]',  -- [{file,line,column,message}], capped
    etag           text,
    last_modified  text
);
-- Idempotency: one accepted delivery per kind and content.
CREATE UNIQUE INDEX deliveries_accepted_content ON monitor.deliveries (kind, sha256) WHERE outcome = 'accepted';
CREATE INDEX deliveries_feed_time ON monitor.deliveries (feed, fetched_at DESC);
CREATE INDEX deliveries_pending ON monitor.deliveries (kind, sha256) WHERE outcome = 'pending';

-- Raw bytes in 1 MiB chunks: streamed in and out, so a large delivery never has to fit in memory.
CREATE TABLE monitor.delivery_payloads (
    delivery_id bigint NOT NULL REFERENCES monitor.deliveries (id) ON DELETE CASCADE,
    chunk       int    NOT NULL,
    data        bytea  NOT NULL,
    PRIMARY KEY (delivery_id, chunk)
);

-- ── Reference data ───────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE monitor.provincies (
    code        text PRIMARY KEY CHECK (code ~ '^PV[0-9]{2}$'),
    naam        text   NOT NULL,
    delivery_id bigint NOT NULL REFERENCES monitor.deliveries (id)
);

CREATE TABLE monitor.veiligheidsregios (
    code        text PRIMARY KEY CHECK (code ~ '^VR[0-9]{2}$'),
    naam        text   NOT NULL,
    delivery_id bigint NOT NULL REFERENCES monitor.deliveries (id)
);

-- One row per gemeente per peiljaar: attributes (inwoners, provincie) keep their history.
CREATE TABLE monitor.gemeenten (
    code                text    NOT NULL CHECK (code ~ '^GM[0-9]{4}$'),
    peiljaar            int     NOT NULL,
    naam                text    NOT NULL,
    provinciecode       text    NOT NULL,
    veiligheidsregiocode text   NOT NULL,
    inwoners            int     NOT NULL CHECK (inwoners >= 0),
    oppervlakte_km2     numeric(10, 2) NOT NULL CHECK (oppervlakte_km2 >= 0),
    delivery_id         bigint  NOT NULL REFERENCES monitor.deliveries (id),
    source_lines        int[]   NOT NULL,
    PRIMARY KEY (code, peiljaar)
);

-- From datum on, the old code's figures belong to the new code (aandeel < 1 for a split).
CREATE TABLE monitor.herindelingen (
    datum        date    NOT NULL,
    oude_code    text    NOT NULL CHECK (oude_code ~ '^GM[0-9]{4}$'),
    nieuwe_code  text    NOT NULL CHECK (nieuwe_code ~ '^GM[0-9]{4}$'),
    aandeel      numeric(6, 4) NOT NULL CHECK (aandeel > 0 AND aandeel <= 1),
    delivery_id  bigint  NOT NULL REFERENCES monitor.deliveries (id),
    source_lines int[]   NOT NULL,
    PRIMARY KEY (oude_code, nieuwe_code)
);

CREATE TABLE monitor.regios (
    code        text PRIMARY KEY,
    naam        text   NOT NULL,
    delivery_id bigint NOT NULL REFERENCES monitor.deliveries (id)
);

CREATE TABLE monitor.regio_leden (
    regiocode    text   NOT NULL REFERENCES monitor.regios (code) ON DELETE CASCADE,
    gemeentecode text   NOT NULL,
    delivery_id  bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines int[]  NOT NULL,
    PRIMARY KEY (regiocode, gemeentecode)
);

-- ── Facts ────────────────────────────────────────────────────────────────────────────────────────────────
-- An opgave figure as published; the one in force on a date is the latest publicatiedatum on or before it.
CREATE TABLE monitor.opgaven (
    opgave          text   NOT NULL CHECK (opgave IN ('asiel', 'amv', 'oekraine', 'taakstelling')),
    versie          text   NOT NULL CHECK (versie IN ('indicatief', 'verslag', 'verdeelbesluit', 'vastgesteld', 'bijstelling')),
    periode         text   NOT NULL,
    gebiedcode      text   NOT NULL,
    publicatiedatum date   NOT NULL,
    aantal          int    NOT NULL CHECK (aantal >= 0),
    delivery_id     bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines    int[]  NOT NULL,
    PRIMARY KEY (opgave, periode, gebiedcode, versie, publicatiedatum)
);

-- Each (feed, peildatum) is a full snapshot of that feed's locations.
CREATE TABLE monitor.plekken_snapshots (
    feed        text   NOT NULL,
    peildatum   date   NOT NULL,
    delivery_id bigint NOT NULL REFERENCES monitor.deliveries (id),
    PRIMARY KEY (feed, peildatum)
);

CREATE TABLE monitor.plekken (
    feed              text   NOT NULL,
    peildatum         date   NOT NULL,
    opgave            text   NOT NULL CHECK (opgave IN ('asiel', 'amv', 'oekraine')),
    locatiecode       text   NOT NULL,
    gemeentecode      text   NOT NULL,
    bron_gemeentecode text   NOT NULL,        -- the code as delivered, before herindeling mapping
    locatienaam       text,
    status            text   NOT NULL CHECK (status IN ('beschikbaar', 'in_voorbereiding', 'gesloten')),
    capaciteit        int    NOT NULL CHECK (capaciteit >= 0),
    bezetting         int             CHECK (bezetting >= 0),
    beschikbaar_vanaf date,
    beschikbaar_tot   date,                    -- planned closing date: last day the places count
    delivery_id       bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines      int[]  NOT NULL,
    PRIMARY KEY (feed, peildatum, opgave, locatiecode, gemeentecode)
);
CREATE INDEX plekken_gemeente ON monitor.plekken (gemeentecode, peildatum);

-- gehuisvest is cumulative within the periode, as of peildatum.
CREATE TABLE monitor.huisvesting (
    periode           text   NOT NULL CHECK (periode ~ '^[0-9]{4}-H[12]$'),
    gemeentecode      text   NOT NULL,
    peildatum         date   NOT NULL,
    gehuisvest        int    NOT NULL CHECK (gehuisvest >= 0),
    waarvan_amv       int             CHECK (waarvan_amv >= 0),
    delivery_id       bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines      int[]  NOT NULL,
    PRIMARY KEY (periode, gemeentecode, peildatum)
);
CREATE INDEX huisvesting_gemeente ON monitor.huisvesting (gemeentecode, peildatum);

-- All rows of one afspraakcode arrive together; a later delivery of the same code replaces them.
CREATE TABLE monitor.afspraken (
    afspraakcode      text   NOT NULL,
    soort             text   NOT NULL CHECK (soort IN ('verdeling', 'herverdeling', 'uitruil')),
    opgave            text   NOT NULL CHECK (opgave IN ('asiel', 'amv', 'oekraine', 'taakstelling')),
    van_gemeentecode  text   NOT NULL,
    naar_gemeentecode text   NOT NULL,
    aantal            int    NOT NULL CHECK (aantal >= 0),
    periode_van       text   NOT NULL,
    periode_tot       text   NOT NULL,
    besluitdatum      date   NOT NULL,
    omschrijving      text,
    delivery_id       bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines      int[]  NOT NULL,
    PRIMARY KEY (afspraakcode, opgave, van_gemeentecode, naar_gemeentecode, periode_van)
);

-- A contacten delivery is the whole list: it replaces the previous one.
CREATE TABLE monitor.contacten (
    gebiedcode   text   NOT NULL,
    rol          text   NOT NULL CHECK (rol IN ('college', 'prt', 'toezicht', 'operator')),
    naam         text   NOT NULL,
    email        text   NOT NULL,
    delivery_id  bigint NOT NULL REFERENCES monitor.deliveries (id),
    source_lines int[]  NOT NULL,
    PRIMARY KEY (gebiedcode, rol, email)
);

-- A fact that a later delivery changed: what it was, what it became, and which delivery did it.
CREATE TABLE monitor.fact_revisions (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,
    fact_key        jsonb       NOT NULL,
    old_value       jsonb,
    new_value       jsonb,
    old_delivery_id bigint REFERENCES monitor.deliveries (id),
    new_delivery_id bigint NOT NULL REFERENCES monitor.deliveries (id),
    revised_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fact_revisions_delivery ON monitor.fact_revisions (new_delivery_id);

-- ── Code mapping ─────────────────────────────────────────────────────────────────────────────────────────
-- Every code a feed may use, resolved to today's gemeenten: a current code maps to itself, a retired code
-- through the chain of herindelingen (shares multiply along the chain).
CREATE VIEW monitor.gemeente_code_map AS
WITH RECURSIVE current_codes AS (
    SELECT DISTINCT g.code FROM monitor.gemeenten g
    WHERE NOT EXISTS (SELECT 1 FROM monitor.herindelingen h WHERE h.oude_code = g.code AND h.datum <= current_date)
), chain (bron_code, doel_code, aandeel, depth) AS (
    SELECT oude_code, nieuwe_code, aandeel::numeric, 1 FROM monitor.herindelingen
    UNION ALL
    SELECT c.bron_code, h.nieuwe_code, c.aandeel * h.aandeel, c.depth + 1
    FROM chain c JOIN monitor.herindelingen h ON h.oude_code = c.doel_code
    WHERE c.depth < 10
)
SELECT code AS bron_code, code AS doel_code, 1::numeric AS aandeel FROM current_codes
UNION ALL
SELECT bron_code, doel_code, sum(aandeel) FROM chain
WHERE doel_code IN (SELECT code FROM current_codes)
GROUP BY bron_code, doel_code;

-- The latest attributes of each current gemeente.
CREATE VIEW monitor.gemeenten_actueel AS
SELECT DISTINCT ON (g.code) g.code, g.naam, g.provinciecode, g.veiligheidsregiocode, g.inwoners, g.oppervlakte_km2, g.peiljaar
FROM monitor.gemeenten g
WHERE NOT EXISTS (SELECT 1 FROM monitor.herindelingen h WHERE h.oude_code = g.code AND h.datum <= current_date)
ORDER BY g.code, g.peiljaar DESC;
