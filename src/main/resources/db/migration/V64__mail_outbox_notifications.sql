-- The follow-up e-mail outbox (V51) also carries other modules' notifications, through the public
-- API vn.hailong.followup.MailOutbox: the same queue, the same claim by conditional UPDATE, so two
-- nodes never send one twice. Such a notification is composed when it is queued (subject, body and
-- recipients stored on its row) and is keyed by what it is about: for KIOSK_OFFLINE, the kiosk's
-- offline alert. case_id keeps its name (and every follow-up row keeps its case), but it no longer
-- refers to follow_up_case only, so its foreign key goes.
ALTER TABLE follow_up_mail DROP FOREIGN KEY fk_follow_up_mail_case;
ALTER TABLE follow_up_mail DROP CONSTRAINT ck_follow_up_mail_kind;
ALTER TABLE follow_up_mail
    ADD CONSTRAINT ck_follow_up_mail_kind CHECK (kind IN ('NEW_CASE', 'ESCALATION', 'KIOSK_OFFLINE')),
    ADD COLUMN subject VARCHAR(300) NULL,
    ADD COLUMN body    TEXT         NULL;
