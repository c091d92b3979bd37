-- Early warnings, the mail outbox and the weekly digests (issue 5).
-- Alert lifecycle like Alertmanager: an alert is one episode of a condition, identified by (regel, gebiedcode, onderwerp);
-- every state change and every notification is an alert_events row. Mail goes through a durable outbox.
-- Dates are evaluation dates (calendar days in Europe/Amsterdam): `monitor alerts run --now` can replay any past day.

-- ── Outbox: composed messages, stored before they are sent ─────────────────────────────────────────────────
CREATE TABLE monitor.outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id      text        NOT NULL UNIQUE,          -- the Message-Id header; a resend after a crash reuses it
    soort           text        NOT NULL CHECK (soort IN ('alert', 'digest')),
    onderwerp       text        NOT NULL,
    ontvangers      text[]      NOT NULL,                 -- envelope recipients
    mime            bytea       NOT NULL,                 -- the complete message, 7-bit, exactly as it is sent
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    pogingen        int         NOT NULL DEFAULT 0,
    volgende_poging timestamptz NOT NULL DEFAULT now(),
    laatste_fout    text,
    verzonden_op    timestamptz,
    bestand         text,                                 -- the .eml written when no SMTP host is configured
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due ON monitor.outbox (volgende_poging) WHERE status = 'pending';

-- ── Alerts ──────────────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE monitor.alerts (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    regel              text    NOT NULL,
    gebiedcode         text    NOT NULL,
    onderwerp          text    NOT NULL,   -- the opgave; 'feed:NAME' for feed rules
    status             text    NOT NULL CHECK (status IN ('pending', 'firing', 'resolved')),
    ernst              text    NOT NULL CHECK (ernst IN ('informatie', 'waarschuwing', 'kritiek')),
    samenvatting       text    NOT NULL,
    rollen             text[]  NOT NULL,   -- roles notified now (escalation adds prt/toezicht)
    ontvangers         text[]  NOT NULL DEFAULT '{}',   -- addresses of the last notification
    sinds              date    NOT NULL,   -- first day the condition held
    actief_sinds       date,               -- day it fired (after the pending period)
    laatst_verzonden   date,               -- day of the last notification
    geescaleerd        boolean NOT NULL DEFAULT false,
    opgelost_op        date,
    laatst_geevalueerd date    NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now()
);
-- One open episode per identity; a condition that returns after "opgelost" starts a new row.
CREATE UNIQUE INDEX alerts_open_identity ON monitor.alerts (regel, gebiedcode, onderwerp) WHERE status <> 'resolved';
CREATE INDEX alerts_gebied ON monitor.alerts (gebiedcode);

CREATE TABLE monitor.alert_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id    bigint  NOT NULL REFERENCES monitor.alerts (id),
    datum       date    NOT NULL,   -- evaluation date
    gebeurtenis text    NOT NULL CHECK (gebeurtenis IN ('wachtend', 'actief', 'geescaleerd', 'opgelost', 'stilgezet',
                                        'melding_nieuw', 'melding_herinnering', 'melding_escalatie', 'melding_opgelost')),
    ontvangers  text[]  NOT NULL DEFAULT '{}',
    outbox_ids  bigint[] NOT NULL DEFAULT '{}',
    detail      text,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_events_alert ON monitor.alert_events (alert_id, id);

-- A silence mutes notifications for an identity (not just one episode) on evaluation dates before `tot`.
CREATE TABLE monitor.alert_silences (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    regel      text   NOT NULL,
    gebiedcode text   NOT NULL,
    onderwerp  text   NOT NULL,
    tot        date   NOT NULL,
    reden      text   NOT NULL CHECK (length(btrim(reden)) > 0),
    alert_id   bigint REFERENCES monitor.alerts (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_silences_identity ON monitor.alert_silences (regel, gebiedcode, onderwerp, tot);

-- ── Digests: the figures each sent digest showed, so "since last week" compares with exactly that ──────────
CREATE TABLE monitor.digests (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provinciecode text   NOT NULL,
    datum         date   NOT NULL,
    outbox_ids    bigint[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provinciecode, datum)
);

CREATE TABLE monitor.digest_cijfers (
    digest_id       bigint NOT NULL REFERENCES monitor.digests (id) ON DELETE CASCADE,
    gebiedcode      text   NOT NULL,
    opgave          text   NOT NULL,
    opgave_aantal   int,
    gerealiseerd    int    NOT NULL,
    gap             int,
    tekort          int,
    realisatie_pct  numeric(8, 2),
    prognose_midden int,
    PRIMARY KEY (digest_id, gebiedcode, opgave)
);

-- ── Grafana: the Alerts dashboard reads these views only ───────────────────────────────────────────────────
CREATE SCHEMA IF NOT EXISTS grafana;

CREATE VIEW grafana.alerts AS
SELECT a.id AS alert_id,
       a.regel,
       a.gebiedcode,
       coalesce(g.naam, p.naam, CASE WHEN a.gebiedcode = 'NL' THEN 'Nederland' END, a.gebiedcode) AS gebiednaam,
       a.onderwerp AS opgave,
       CASE a.status WHEN 'pending' THEN 'wachtend' WHEN 'firing' THEN 'actief' ELSE 'opgelost' END AS status,
       a.ernst,
       a.samenvatting,
       CASE WHEN cardinality(a.ontvangers) > 0 THEN array_to_string(a.ontvangers, ', ')
            ELSE 'rollen: ' || array_to_string(a.rollen, ', ') END AS ontvangers,
       (coalesce(a.actief_sinds, a.sinds)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS gestart,
       (a.laatst_verzonden::timestamp AT TIME ZONE 'Europe/Amsterdam') AS laatst_verzonden,
       (a.opgelost_op::timestamp AT TIME ZONE 'Europe/Amsterdam') AS opgelost,
       (s.tot::timestamp AT TIME ZONE 'Europe/Amsterdam') AS stil_tot,
       s.reden AS stil_reden
FROM monitor.alerts a
LEFT JOIN monitor.gemeenten_actueel g ON g.code = a.gebiedcode
LEFT JOIN monitor.provincies p ON p.code = a.gebiedcode
LEFT JOIN LATERAL (
    SELECT tot, reden FROM monitor.alert_silences s
    WHERE (s.regel, s.gebiedcode, s.onderwerp) = (a.regel, a.gebiedcode, a.onderwerp)
    ORDER BY tot DESC, id DESC LIMIT 1
) s ON true;

CREATE VIEW grafana.alert_events AS
SELECT (e.datum::timestamp AT TIME ZONE 'Europe/Amsterdam') AS time,
       e.alert_id,
       a.regel,
       a.gebiedcode,
       e.gebeurtenis,
       array_to_string(e.ontvangers, ', ') AS ontvangers
FROM monitor.alert_events e
JOIN monitor.alerts a ON a.id = e.alert_id;

DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'monitor_grafana') THEN
        GRANT USAGE ON SCHEMA grafana TO monitor_grafana;
        GRANT SELECT ON grafana.alerts, grafana.alert_events TO monitor_grafana;
    END IF;
END $$;
