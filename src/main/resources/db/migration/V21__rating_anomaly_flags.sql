-- Anomaly flags stored with a rating for later review (kiosk: fast after handover, bursts, outside
-- opening hours, long runs of top ratings, no handover). Flags never change whether a rating counts.
ALTER TABLE rating ADD COLUMN anomaly_flags VARCHAR(200) NULL;
-- The kiosk's rules look at a device's latest ratings.
CREATE INDEX ix_rating_device_submitted ON rating (device_id, submitted_at);
