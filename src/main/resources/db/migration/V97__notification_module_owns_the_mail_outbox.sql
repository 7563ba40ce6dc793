-- The mail outbox moves from the follow-up module to the notification module (ADR 103): it carries
-- every module's e-mails, so its table is named for what it is and its key column for what a row
-- is about (a case, a kiosk's offline alert, an index draft, a webhook endpoint).
RENAME TABLE follow_up_mail TO mail_outbox;
ALTER TABLE mail_outbox
    RENAME COLUMN case_id TO about_id,
    DROP CONSTRAINT ck_follow_up_mail_kind,
    DROP CONSTRAINT ck_follow_up_mail_status,
    RENAME INDEX ix_follow_up_mail_due TO ix_mail_outbox_due;
ALTER TABLE mail_outbox
    ADD CONSTRAINT ck_mail_outbox_kind
        CHECK (kind IN ('NEW_CASE', 'ESCALATION', 'KIOSK_OFFLINE', 'INDEX_DRAFT_READY', 'INDEX_DRAFT_WAITING', 'WEBHOOK_DISABLED')),
    ADD CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'SKIPPED'));

-- The follow-up module no longer reads the outbox to know which cases it escalated: a case says so
-- itself (set once, by a conditional UPDATE, in the transaction that queues the escalation's mail).
ALTER TABLE follow_up_case ADD COLUMN escalated_at DATETIME(6) NULL;
UPDATE follow_up_case c JOIN mail_outbox m ON m.about_id = c.id AND m.kind = 'ESCALATION'
SET c.escalated_at = m.created_at;
