-- Disputes of ratings. A rating is never deleted or edited: an upheld dispute only changes its
-- status (COUNTED <-> EXCLUDED) through the rating module, and every dispute and decision stays
-- here as history. open_rating_id equals rating_id while the dispute awaits its decision and is
-- NULL after: the unique key allows one open dispute per rating, even with two nodes racing.
CREATE TABLE rating_dispute (
    id             UUID          NOT NULL PRIMARY KEY,
    version        BIGINT        NOT NULL,
    rating_id      UUID          NOT NULL,
    open_rating_id UUID          NULL,
    unit_id        UUID          NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    reason         VARCHAR(30)   NOT NULL,
    note           VARCHAR(2000) NULL,
    raised_by      VARCHAR(64)   NOT NULL,
    raised_at      DATETIME(6)   NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    decided_by     VARCHAR(64)   NULL,
    decided_at     DATETIME(6)   NULL,
    decision_note  VARCHAR(2000) NULL,
    CONSTRAINT uk_rating_dispute_open UNIQUE (open_rating_id),
    CONSTRAINT fk_rating_dispute_rating FOREIGN KEY (rating_id) REFERENCES rating (id),
    CONSTRAINT ck_rating_dispute_kind CHECK (kind IN ('EXCLUDE', 'RESTORE')),
    CONSTRAINT ck_rating_dispute_reason CHECK (reason IN ('ABUSIVE_TEXT', 'WRONG_DOSSIER', 'TEST_OR_DUPLICATE', 'OTHER')),
    CONSTRAINT ck_rating_dispute_status CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
    CONSTRAINT ck_rating_dispute_open CHECK ((status = 'OPEN') = (open_rating_id IS NOT NULL)),
    CONSTRAINT ck_rating_dispute_second_person CHECK (decided_by IS NULL OR decided_by <> raised_by),
    INDEX ix_rating_dispute_rating (rating_id, raised_at),
    INDEX ix_rating_dispute_status (status, raised_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
