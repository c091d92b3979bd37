-- Issue 13, replays tell the past as it was: a digest or alert run for a past date reads the half years of the
-- taakstelling, the outcomes of passed deadlines and the agreements as they were known then, not as they are now.
-- Both computed tables were rewritten whole by every run; the writers now change only what changed and keep the
-- version they replace here, with the run that wrote it and the run that replaced (or removed) it. Compute/KnownAt.cs
-- reads a version as known at an instant when the run that wrote it was not started for a delivery fetched later, and
-- the run that replaced it was.
CREATE TABLE monitor.taakstelling_halfjaren_revisies (
    id                  bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gemeentecode        text    NOT NULL,
    periode             text    NOT NULL,
    taakstelling        int,
    carry_in            int     NOT NULL,
    due                 int,
    gehuisvest          int     NOT NULL,
    achterstand         int,
    afgerond            boolean NOT NULL,
    gemist_op_rij       int     NOT NULL,
    run_id              bigint  NOT NULL,   -- the run that wrote this version
    vervangen_door_run  bigint  NOT NULL    -- the run that replaced or removed it
);
CREATE INDEX taakstelling_halfjaren_revisies_key ON monitor.taakstelling_halfjaren_revisies (periode, gemeentecode);

CREATE TABLE monitor.deadline_outcomes_revisies (
    id                  bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gebiedcode          text    NOT NULL,
    niveau              text    NOT NULL,
    opgave              text    NOT NULL,
    periode             text    NOT NULL,
    deadline            date    NOT NULL,
    laatste_van_periode boolean NOT NULL,
    opgave_aantal       int,
    gerealiseerd        int     NOT NULL,
    netto_gap           int,
    bruto_tekort        int,
    gemist_aantal       int     NOT NULL,
    gemist_gemeenten    text[]  NOT NULL,
    onbekend_aantal     int     NOT NULL,
    leden_aantal        int     NOT NULL,
    volgende_deadline   date,
    vervangen_op        date,
    run_id              bigint  NOT NULL,
    vervangen_door_run  bigint  NOT NULL
);
CREATE INDEX deadline_outcomes_revisies_key ON monitor.deadline_outcomes_revisies (gebiedcode, opgave, deadline);

-- A later delivery of an afspraakcode replaces all its rows (AfsprakenKind): the rows it replaced, with the delivery
-- that replaced them. Known at an instant: delivered by then, and not yet replaced by then.
CREATE TABLE monitor.afspraken_vervangen (
    afspraakcode          text    NOT NULL,
    soort                 text    NOT NULL,
    opgave                text    NOT NULL,
    van_gemeentecode      text    NOT NULL,
    naar_gemeentecode     text    NOT NULL,
    aantal                int     NOT NULL,
    periode_van           text    NOT NULL,
    periode_tot           text    NOT NULL,
    besluitdatum          date    NOT NULL,
    omschrijving          text,
    delivery_id           bigint  NOT NULL REFERENCES monitor.deliveries (id),
    source_lines          int[]   NOT NULL,
    vervangen_door        bigint  NOT NULL REFERENCES monitor.deliveries (id)
);
CREATE INDEX afspraken_vervangen_van ON monitor.afspraken_vervangen (van_gemeentecode);
CREATE INDEX afspraken_vervangen_naar ON monitor.afspraken_vervangen (naar_gemeentecode);
