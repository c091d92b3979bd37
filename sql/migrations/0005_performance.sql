-- Performance at national scale (issue 6, `monitor bench`).

-- Raw delivery bytes: lz4 instead of the default pglz. CSV still shrinks about threefold, and compressing a gigabyte
-- takes a second or two instead of the tens of seconds pglz needs, which was as long as loading the rows themselves.
ALTER TABLE monitor.delivery_payloads ALTER COLUMN data SET COMPRESSION lz4;

-- monitor.plekken holds every location of every daily snapshot: millions of rows, and each delivery adds thousands.
-- Measured on a 477,070-row delivery (server CPU, docs/PERFORMANCE.md): heap + primary key 1.0 s, the foreign key to
-- deliveries another 1.8 s (one lookup and row lock per inserted row), the index below another 0.3–1.3 s.
--
-- The foreign key is redundant: a plekken row's delivery_id is always its snapshot's delivery_id (both loaders write
-- them together), and monitor.plekken_snapshots keeps its foreign key, so a delivery that still has plekken rows can
-- neither be missing nor be deleted. The lineage columns themselves are unchanged.
ALTER TABLE monitor.plekken DROP CONSTRAINT plekken_delivery_id_fkey;

-- No query needs (gemeentecode, peildatum): the compute job reads whole snapshots by (feed, peildatum), the compute
-- scope finds a delivery's rows through its snapshots, and a gemeente's locations of the latest snapshot are a
-- primary-key range per feed filtered on gemeentecode (a few thousand rows).
DROP INDEX monitor.plekken_gemeente;

-- An incremental run looks up what the new deliveries touched; huisvesting had no way to find a delivery's rows but a
-- scan of every count (over a million at ten years of daily counts). A few hundred rows a day keep this index cheap.
CREATE INDEX huisvesting_delivery ON monitor.huisvesting (delivery_id);
