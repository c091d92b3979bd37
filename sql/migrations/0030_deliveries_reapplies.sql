-- A feed's earlier file delivered again, after a newer one that broke something, is how a publisher undoes the newer
-- one: the loader applies those bytes again as the newest delivery (Feeds/Loading/DeliveryStore.cs) instead of calling
-- them "al geladen". Such a delivery names the earlier acceptance of the same bytes.
ALTER TABLE monitor.deliveries ADD COLUMN reapplies bigint REFERENCES monitor.deliveries (id);

-- So the same bytes can be accepted more than once per kind: once as themselves, then each time they are reapplied.
-- The guard against loading one content twice by accident stays for first acceptances.
DROP INDEX monitor.deliveries_accepted_content;
CREATE UNIQUE INDEX deliveries_accepted_content ON monitor.deliveries (kind, sha256) WHERE outcome = 'accepted' AND reapplies IS NULL;
CREATE INDEX deliveries_accepted_content_all ON monitor.deliveries (kind, sha256) WHERE outcome = 'accepted';
