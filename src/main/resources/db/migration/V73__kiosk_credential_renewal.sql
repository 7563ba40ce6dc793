-- Device credentials live hailong.kiosk.credential-max-age since their last renewal (a heartbeat
-- renews them; browsers keep no cookie beyond 400 days). NULL while not enrolled.
ALTER TABLE kiosk_device ADD COLUMN credential_renewed_at DATETIME(6) NULL AFTER credential_hash;

-- Tablets enrolled before renewal existed keep working through the upgrade: dated a day back, so that
-- with the default renew-after (P1D) the next heartbeat gives each browser a renewed cookie at once
-- (their old cookies were capped at 400 days after enrolment).
UPDATE kiosk_device SET credential_renewed_at = UTC_TIMESTAMP(6) - INTERVAL 1 DAY WHERE credential_hash IS NOT NULL;
