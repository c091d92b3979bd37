-- The feeds dashboard (grafana.feeds) asks every feed for its latest delivery and its latest accepted one. Asked as
-- "WHERE feed = f ORDER BY fetched_at DESC LIMIT 1", the planner may walk deliveries_time backwards and filter on
-- feed (and outcome) instead of probing deliveries_feed_time: it did so as soon as the table had statistics, since the
-- time index follows the table's order. That walk reaches back to the feed's last (accepted) delivery: for a yearly
-- reference feed, through a year of every other feed's deliveries.
-- Written as a range on feed and ordered by (feed, fetched_at DESC), only an index that starts with feed gives that
-- order (with feed = f the planner drops feed from the order, and the time index qualifies again): one probe per
-- question. The accepted one gets an index of its own.
CREATE INDEX deliveries_feed_accepted ON monitor.deliveries (feed, fetched_at DESC) WHERE outcome = 'accepted';

CREATE OR REPLACE VIEW grafana.feeds AS
WITH RECURSIVE feednamen (feed) AS (
    SELECT min(feed) FROM monitor.deliveries
    UNION ALL
    SELECT (SELECT min(d.feed) FROM monitor.deliveries d WHERE d.feed > f.feed) FROM feednamen f WHERE f.feed IS NOT NULL)
SELECT f.feed, l.kind AS soort, l.fetched_at AS laatste_levering, l.outcome AS laatste_uitkomst, l.problem_count AS laatste_problemen,
       a.fetched_at AS laatst_geaccepteerd, a.rows_loaded AS rijen_geladen,
       round((extract(epoch FROM now() - a.fetched_at) / 86400)::numeric, 1) AS dagen_sinds_acceptatie,
       (SELECT max(s.peildatum) FROM monitor.plekken_snapshots s WHERE s.feed = f.feed) AS laatste_peildatum
FROM feednamen f
CROSS JOIN LATERAL (SELECT * FROM monitor.deliveries d WHERE d.feed >= f.feed AND d.feed <= f.feed ORDER BY d.feed, d.fetched_at DESC LIMIT 1) l
LEFT JOIN LATERAL (SELECT * FROM monitor.deliveries d WHERE d.feed >= f.feed AND d.feed <= f.feed AND d.outcome = 'accepted'
                   ORDER BY d.feed, d.fetched_at DESC LIMIT 1) a ON true
WHERE f.feed IS NOT NULL;
