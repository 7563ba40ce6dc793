-- V91 (the index's schedule) and V95 (webhooks) each widened the mail outbox's kinds from V64's,
-- written side by side: V95's list left out V91's index mails. Every kind of MailOutbox.Kind
-- (MailKindsTest keeps the list and the enum together).
ALTER TABLE follow_up_mail DROP CONSTRAINT ck_follow_up_mail_kind;
ALTER TABLE follow_up_mail
    ADD CONSTRAINT ck_follow_up_mail_kind
        CHECK (kind IN ('NEW_CASE', 'ESCALATION', 'KIOSK_OFFLINE', 'INDEX_DRAFT_READY', 'INDEX_DRAFT_WAITING', 'WEBHOOK_DISABLED'));
