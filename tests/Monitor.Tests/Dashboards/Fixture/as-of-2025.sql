-- The fixture plays out in 2025: every delivery, computation and revision above was made just now, but the story is
-- that they arrived over the first half of 2025, up to the computation date (DashboardWarehouse.AsOf, 2025-06-15).
-- Only timestamps of when things happened move; no figure changes.
WITH ordered AS (SELECT id, row_number() OVER (ORDER BY id DESC) - 1 AS back FROM monitor.deliveries)
UPDATE monitor.deliveries d
SET fetched_at = TIMESTAMPTZ '2025-06-15 06:00+02' - o.back * interval '1 day',
    finished_at = TIMESTAMPTZ '2025-06-15 06:00+02' - o.back * interval '1 day' + interval '2 seconds'
FROM ordered o WHERE o.id = d.id;

UPDATE monitor.compute_runs
SET started_at = TIMESTAMPTZ '2025-06-15 06:05+02' + (id - (SELECT min(id) FROM monitor.compute_runs)) * interval '1 hour',
    finished_at = TIMESTAMPTZ '2025-06-15 06:06+02' + (id - (SELECT min(id) FROM monitor.compute_runs)) * interval '1 hour';
UPDATE monitor.series_revisions SET revised_at = TIMESTAMPTZ '2025-06-15 07:06+02';
UPDATE monitor.fact_revisions SET revised_at = TIMESTAMPTZ '2025-06-15 06:00+02';
