-- Issue 13, replays tell the past as it was: a digest for a past date shows each figure as the Monitor computed it from
-- the deliveries fetched by then (Outputs/KnownSeries.cs), which for a figure a later delivery corrected is the old
-- value in its revision. A revision so keeps every figure the digest shows, not only the four it kept until now.
-- Revisions written before this migration have these columns empty: a replay shows such an old figure without them.
ALTER TABLE monitor.series_revisions
    ADD COLUMN oud_tekort         int,
    ADD COLUMN oud_realisatie_pct numeric(8, 2),
    ADD COLUMN oud_deadline       date,
    ADD COLUMN oud_prognose_laag  int,
    ADD COLUMN oud_prognose_hoog  int;
