-- At most one open handover per counter, enforced by the database: racing handovers at one counter
-- (two API calls, two nodes, two Galera nodes whose row locks do not reach each other) can no longer
-- both stay open. A unique key over a column that holds the counter only while the handover is open
-- (NULLs never collide), as MariaDB has no partial indexes.

-- Earlier races may have left several open: all but the last recorded one (by time, then id) end,
-- as the next handover would have ended them.
UPDATE kiosk_handover h
JOIN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY counter_id ORDER BY handed_over_at DESC, id DESC) AS recency
                      FROM kiosk_handover WHERE ended_at IS NULL) ranked
      WHERE recency > 1) superseded ON superseded.id = h.id
SET h.ended_at = h.handed_over_at;

ALTER TABLE kiosk_handover
    ADD COLUMN open_at_counter_id UUID AS (IF(ended_at IS NULL, counter_id, NULL)) PERSISTENT,
    ADD CONSTRAINT uk_kiosk_handover_open UNIQUE (open_at_counter_id);
