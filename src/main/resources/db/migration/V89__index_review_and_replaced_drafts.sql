-- Issue 19, "every index act audited" and the index API.
-- A review: a province manager (or a province-manager API key) says they checked a draft. One row
-- per draft and reviewer, so a retried review is no second review. Drafts are deleted when they
-- are recomputed or discarded; their reviews go with them (no foreign key: a review names the
-- inputs hash it saw, and the snapshot tables stay insert-only).
CREATE TABLE index_review (
    snapshot_id  UUID          NOT NULL,
    reviewed_by  VARCHAR(100)  NOT NULL,
    inputs_hash  CHAR(64)      NOT NULL,
    reviewed_at  DATETIME(6)   NOT NULL,
    note         VARCHAR(1000) NULL,
    PRIMARY KEY (snapshot_id, reviewed_by)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A draft that is gone: replaced by a newer computation of its period, or discarded. Publishing
-- it then answers "stale draft" (409) naming its successor instead of "no such snapshot" (404).
CREATE TABLE index_snapshot_gone (
    snapshot_id  UUID          NOT NULL PRIMARY KEY,
    scheme       VARCHAR(40)   NOT NULL,
    period       VARCHAR(10)   NOT NULL,
    replaced_by  UUID          NULL,
    gone_at      DATETIME(6)   NOT NULL,
    gone_by      VARCHAR(100)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The index API's compute is idempotent per client and key: a retried POST answers the draft the
-- first one made instead of replacing it by another computation.
CREATE TABLE index_compute_request (
    client          VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    scheme          VARCHAR(40)  NOT NULL,
    period          VARCHAR(10)  NOT NULL,
    correction      BOOLEAN      NOT NULL,
    snapshot_id     UUID         NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (client, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
