-- API keys may be limited to a unit's subtree (the ratings feed) and may manage webhooks.
ALTER TABLE api_client
    ADD COLUMN unit_code        VARCHAR(40) NULL,
    ADD COLUMN manages_webhooks BOOLEAN     NOT NULL DEFAULT FALSE;

-- Every change of a rating the feed hands on (ADR 099): its recording and each status change,
-- written in the transaction that makes the change. id only orders rows awaiting their place;
-- seq is the feed's order, given after the commit by the sequencer (rating_feed_sequence), so a
-- client reading seq > its cursor can never miss a change that commits late: a change has no seq
-- until it is committed, and seqs are handed out in committed batches, one batch after another.
CREATE TABLE rating_change (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    seq               BIGINT       NULL,
    rating_id         UUID         NOT NULL,
    unit_id           UUID         NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    from_status       VARCHAR(20)  NULL,
    to_status         VARCHAR(20)  NOT NULL,
    reason            VARCHAR(40)  NULL,
    dispute_kind      VARCHAR(20)  NULL,
    related_rating_id UUID         NULL,
    occurred_at       DATETIME(6)  NOT NULL,
    CONSTRAINT uk_rating_change_seq UNIQUE (seq),
    KEY rating_change_by_rating (rating_id),
    CONSTRAINT ck_rating_change_kind CHECK (kind IN ('RECORDED', 'STATUS_CHANGED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The last seq handed out: written once per batch by whichever node sequences (not per rating).
CREATE TABLE rating_feed_sequence (
    id       TINYINT NOT NULL PRIMARY KEY,
    last_seq BIGINT  NOT NULL
) ENGINE = InnoDB;
INSERT INTO rating_feed_sequence (id, last_seq) VALUES (1, 0);

-- The ratings stored before the feed: their recording, and their present status when it is not
-- the first (the cause of an earlier change was not kept).
INSERT INTO rating_change (rating_id, unit_id, kind, from_status, to_status, occurred_at)
SELECT id, evaluated_agency_id, 'RECORDED', NULL, IF(status = 'UNBOUND', 'UNBOUND', 'COUNTED'), submitted_at
FROM rating ORDER BY submitted_at, id;
INSERT INTO rating_change (rating_id, unit_id, kind, from_status, to_status, occurred_at)
SELECT id, evaluated_agency_id, 'STATUS_CHANGED', 'COUNTED', status, COALESCE(status_changed_at, submitted_at)
FROM rating WHERE status IN ('SUPERSEDED', 'EXCLUDED') ORDER BY COALESCE(status_changed_at, submitted_at), id;
