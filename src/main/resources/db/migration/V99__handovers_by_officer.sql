-- Issue 19: an officer's page opens on the counter of their latest handover (the one-stop
-- software names the officer of each handover; an account carries its one-stop officer id).
CREATE INDEX ix_kiosk_handover_officer ON kiosk_handover (officer_id, handed_over_at);
