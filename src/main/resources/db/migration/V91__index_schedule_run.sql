-- Issue 19, "an index that runs itself": each scheduled act is claimed by inserting its row, in the
-- same transaction as the act (the month's draft and its e-mail, or the reminder's e-mail). The
-- primary key makes it happen once across nodes: on one server a second node's insert waits for
-- the first's commit and is refused as a duplicate; on Galera the second commit fails certification
-- and rolls back whole. A node that dies mid-act rolls back with it, and the next check does it.
CREATE TABLE index_schedule_run (
    run_key     VARCHAR(150) NOT NULL PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL,
    scheme      VARCHAR(40)  NOT NULL,
    period      VARCHAR(10)  NOT NULL,
    snapshot_id UUID         NULL,
    outcome     VARCHAR(20)  NOT NULL,
    detail      VARCHAR(500) NULL,
    node        VARCHAR(100) NOT NULL,
    ran_at      DATETIME(6)  NOT NULL,
    CONSTRAINT ck_index_schedule_run_kind CHECK (kind IN ('DRAFT', 'REMINDER')),
    CONSTRAINT ck_index_schedule_run_outcome CHECK (outcome IN ('COMPUTED', 'SKIPPED', 'REMINDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The province managers' e-mails of the schedule go through the follow-up module's outbox (V64).
ALTER TABLE follow_up_mail DROP CONSTRAINT ck_follow_up_mail_kind;
ALTER TABLE follow_up_mail
    ADD CONSTRAINT ck_follow_up_mail_kind
        CHECK (kind IN ('NEW_CASE', 'ESCALATION', 'KIOSK_OFFLINE', 'INDEX_DRAFT_READY', 'INDEX_DRAFT_WAITING'));
