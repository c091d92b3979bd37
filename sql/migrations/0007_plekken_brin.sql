-- monitor.plekken without a btree (issue 6: ingest throughput).
--
-- Keeping the primary key (feed, peildatum, opgave, locatiecode, gemeentecode) cost PostgreSQL more than the rows
-- themselves: 1.06–1.16 s of server CPU per 477,070 rows against 0.45–0.50 s for the bare heap (docs/PERFORMANCE.md),
-- and with ten years of daily snapshots every load paid it again for millions of rows.
--
-- The key stays unique by construction, not by a check per row:
-- - one plekken load at a time (advisory lock 'ingest:plekken' in DeliveryLoader), so no two loads write one snapshot;
-- - a direct load only writes snapshot dates its feed never had, and refuses (falls back on the merge) as soon as a
--   (peildatum, opgave, locatiecode) comes twice (DeliveryKeys); a split gemeentecode fans out to distinct successors;
-- - the merge deletes every snapshot it writes and inserts DISTINCT ON the whole key.
-- Tests: PlekkenKeyTests (every path, against the key this constraint used to check).
ALTER TABLE monitor.plekken DROP CONSTRAINT plekken_pkey;

-- Every read of monitor.plekken asks for whole snapshots, (feed, peildatum): one day at a time (grafana.locaties, the
-- merge), a window of days (the incremental compute) or all of them (full compute); or for the rows of new deliveries
-- (the incremental compute's scope: a snapshot's rows carry the delivery that wrote the snapshot). Rows arrive in date
-- and delivery order, so a block range summary of both finds them in a few pages and costs next to nothing to keep up.
-- minmax-multi keeps the date summary tight when a late revision of an old day lands among new days' rows.
-- PostgreSQL leaves appended ranges unsummarised (read by every query) until a vacuum: the loader summarises what it
-- appended before it commits (FeedKind.BlockRangeIndexes), and autosummarize has autovacuum do it when the loader
-- may not (only the table's owner can).
CREATE INDEX plekken_peildatum_delivery ON monitor.plekken
    USING brin (peildatum date_minmax_multi_ops, delivery_id int8_minmax_ops) WITH (pages_per_range = 16, autosummarize = on);
