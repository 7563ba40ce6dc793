-- E-mails about follow-up cases, queued in the transaction that makes them necessary and sent by
-- a job on any node. The key (case, kind) makes each notification exist once, so two nodes that
-- both find a case overdue queue one escalation; a node claims a row with a conditional UPDATE
-- before sending, so only one of them sends it. A failed send stays PENDING and is retried.
CREATE TABLE follow_up_mail (
    case_id         UUID          NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    claimed_by      VARCHAR(64)   NULL,
    claimed_until   DATETIME(6)   NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    sent_at         DATETIME(6)   NULL,
    recipients      VARCHAR(2000) NULL,
    last_error      VARCHAR(500)  NULL,
    PRIMARY KEY (case_id, kind),
    CONSTRAINT fk_follow_up_mail_case FOREIGN KEY (case_id) REFERENCES follow_up_case (id),
    CONSTRAINT ck_follow_up_mail_kind CHECK (kind IN ('NEW_CASE', 'ESCALATION')),
    CONSTRAINT ck_follow_up_mail_status CHECK (status IN ('PENDING', 'SENT', 'SKIPPED')),
    INDEX ix_follow_up_mail_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Overdue lists read by unit, status and deadline (already indexed in V7); escalation by deadline.
CREATE INDEX ix_follow_up_case_due ON follow_up_case (status, due_on);
