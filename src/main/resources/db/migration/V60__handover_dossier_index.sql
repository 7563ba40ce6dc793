-- Counter coverage (dashboard): a dossier counts for the counter of its last handover in the
-- period; finding "a later handover of the same dossier" needs handovers by dossier and time.
CREATE INDEX ix_kiosk_handover_dossier ON kiosk_handover (dossier_id, handed_over_at);
