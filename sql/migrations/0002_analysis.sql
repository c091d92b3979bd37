-- What the Monitor computes: daily series per area × opgave, the half-year taakstelling chain, findings about the
-- data, and every revision of a figure it showed before (with the deliveries that caused it).

CREATE TABLE monitor.compute_runs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mode               text        NOT NULL CHECK (mode IN ('full', 'incremental')),
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz,
    as_of              date        NOT NULL,            -- "today" of the run: the last date of the series
    trigger_deliveries bigint[]    NOT NULL DEFAULT '{}',
    gemeenten          int,                             -- gemeenten recomputed
    date_from          date,
    rows_written       bigint,
    rows_revised       bigint
);

-- One row per area, opgave and day. For aggregates gap is the net gap and tekort the gross shortfall; for the
-- taakstelling opgave_aantal is the gecorrigeerde taakstelling and gerealiseerd the housed so far in the half year.
CREATE TABLE monitor.series (
    gebiedcode      text    NOT NULL,
    niveau          text    NOT NULL CHECK (niveau IN ('gemeente', 'regio', 'provincie', 'land')),
    opgave          text    NOT NULL,
    datum           date    NOT NULL,
    opgave_aantal   int,
    gerealiseerd    int     NOT NULL,
    gap             int,
    tekort          int,
    realisatie_pct  numeric(8, 2),
    duurzaam        int,
    deadline        date,
    prognose_laag   int,
    prognose_midden int,
    prognose_hoog   int,
    methode         text,
    run_id          bigint  NOT NULL REFERENCES monitor.compute_runs (id),
    PRIMARY KEY (gebiedcode, opgave, datum)
);
CREATE INDEX series_level_date ON monitor.series (niveau, opgave, datum);

-- What the Monitor said before a recomputation changed it.
CREATE TABLE monitor.series_revisions (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gebiedcode          text        NOT NULL,
    opgave              text        NOT NULL,
    datum               date        NOT NULL,
    oud_opgave_aantal   int,
    nieuw_opgave_aantal int,
    oud_gerealiseerd    int,
    nieuw_gerealiseerd  int,
    oud_gap             int,
    nieuw_gap           int,
    oud_prognose_midden int,
    nieuw_prognose_midden int,
    oud_run_id          bigint      NOT NULL REFERENCES monitor.compute_runs (id),
    run_id              bigint      NOT NULL REFERENCES monitor.compute_runs (id),
    oorzaak_leveringen  bigint[]    NOT NULL DEFAULT '{}',
    revised_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX series_revisions_area ON monitor.series_revisions (gebiedcode, opgave, datum);
CREATE INDEX series_revisions_run ON monitor.series_revisions (run_id);

-- The taakstelling per gemeente per half year, with what was carried in and out.
CREATE TABLE monitor.taakstelling_halfjaren (
    gemeentecode        text    NOT NULL,
    periode             text    NOT NULL,
    taakstelling        int,
    carry_in            int     NOT NULL,   -- achterstand carried in (negative: voorsprong)
    due                 int,                -- gecorrigeerde taakstelling
    gehuisvest          int     NOT NULL,
    achterstand         int,                -- carried out (negative: voorsprong)
    afgerond            boolean NOT NULL,   -- the half year has ended
    gemist_op_rij       int     NOT NULL,   -- consecutive missed half years up to and including this one
    run_id              bigint  NOT NULL REFERENCES monitor.compute_runs (id),
    PRIMARY KEY (gemeentecode, periode)
);

-- What the last run found wrong or odd in the data (agreements not applied, sums that disagree), replaced each run.
CREATE TABLE monitor.findings (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      bigint NOT NULL REFERENCES monitor.compute_runs (id),
    soort       text   NOT NULL,
    opgave      text,
    periode     text,
    gebiedcode  text,
    afspraakcode text,
    bericht     text   NOT NULL
);
