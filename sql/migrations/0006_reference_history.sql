-- Reference data keeps its history, not only its latest state: every name a provincie or veiligheidsregio has had
-- (gemeenten already keep theirs per peiljaar, herindelingen are history themselves), and every regio's membership
-- with the delivery that started and the one that ended it. The loader writes these in the same transaction as the
-- reference tables (Feeds/Kinds/GemeentenKind.cs, RegiosKind.cs).

CREATE TABLE monitor.provincie_versies (
    code        text        NOT NULL,
    naam        text        NOT NULL,
    vanaf       timestamptz NOT NULL DEFAULT now(),
    delivery_id bigint      NOT NULL REFERENCES monitor.deliveries (id),
    PRIMARY KEY (code, delivery_id)
);

CREATE TABLE monitor.veiligheidsregio_versies (
    code        text        NOT NULL,
    naam        text        NOT NULL,
    vanaf       timestamptz NOT NULL DEFAULT now(),
    delivery_id bigint      NOT NULL REFERENCES monitor.deliveries (id),
    PRIMARY KEY (code, delivery_id)
);

CREATE TABLE monitor.regio_lidmaatschap (
    regiocode       text        NOT NULL,
    gemeentecode    text        NOT NULL,
    vanaf           timestamptz NOT NULL DEFAULT now(),
    tot             timestamptz,                                    -- null: still a member
    delivery_id     bigint      NOT NULL REFERENCES monitor.deliveries (id),
    beeindigd_door  bigint      REFERENCES monitor.deliveries (id),  -- the delivery that no longer listed it
    PRIMARY KEY (regiocode, gemeentecode, delivery_id)
);
CREATE INDEX regio_lidmaatschap_open ON monitor.regio_lidmaatschap (regiocode, gemeentecode) WHERE tot IS NULL;

-- What a warehouse migrated before this file already holds becomes the first version.
INSERT INTO monitor.provincie_versies (code, naam, delivery_id) SELECT code, naam, delivery_id FROM monitor.provincies;
INSERT INTO monitor.veiligheidsregio_versies (code, naam, delivery_id) SELECT code, naam, delivery_id FROM monitor.veiligheidsregios;
INSERT INTO monitor.regio_lidmaatschap (regiocode, gemeentecode, delivery_id) SELECT regiocode, gemeentecode, delivery_id FROM monitor.regio_leden;
