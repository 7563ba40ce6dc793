-- Handovers queue behind a survey in progress, and every handover says how it was used up
-- (issue 16). A handover is "shown" (the kiosk offers it) or "waiting" (recorded while the
-- citizen before was still answering; shown when that survey is sent or abandoned). At most one
-- shown, open handover per counter, as before (V69); any number may wait.

ALTER TABLE kiosk_handover
    -- Recorded while another survey was in progress at the counter; FALSE once shown.
    ADD COLUMN waiting    BOOLEAN      NOT NULL DEFAULT FALSE,
    -- When the kiosk began to offer it (its recording, or when the survey before it ended).
    ADD COLUMN shown_at   DATETIME(6)  NULL,
    -- When the citizen first answered on the kiosk: from then on the survey is in progress.
    ADD COLUMN started_at DATETIME(6)  NULL,
    -- How it ended: SENT, ABANDONED, NOT_MINE, REPLACED, EXPIRED (NULL while open or for older rows).
    ADD COLUMN outcome    VARCHAR(20)  NULL,
    ADD CONSTRAINT ck_kiosk_handover_outcome CHECK (outcome IS NULL OR outcome IN ('SENT', 'ABANDONED', 'NOT_MINE', 'REPLACED', 'EXPIRED'));

UPDATE kiosk_handover SET shown_at = handed_over_at;

-- The open-handover key now covers the shown handover only.
ALTER TABLE kiosk_handover DROP INDEX uk_kiosk_handover_open;
ALTER TABLE kiosk_handover DROP COLUMN open_at_counter_id;
ALTER TABLE kiosk_handover
    ADD COLUMN open_at_counter_id UUID AS (IF(ended_at IS NULL AND NOT waiting, counter_id, NULL)) PERSISTENT,
    ADD CONSTRAINT uk_kiosk_handover_open UNIQUE (open_at_counter_id);

-- Each node polls for handovers shown by other nodes (a waiting one is shown long after its recording).
CREATE INDEX ix_kiosk_handover_shown ON kiosk_handover (shown_at);
