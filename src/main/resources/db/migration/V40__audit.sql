-- The audit log: append-only, each entry hash-chained to the one before it
-- (hash = SHA-256(previous hash || canonical entry)), so that an altered, removed or reordered
-- entry is detected by re-computing the chain. One chain for the whole cluster: appenders lock its
-- head row (SELECT ... FOR UPDATE); on Galera two nodes appending at once conflict on that row at
-- certification and one retries, so seq stays gap-free and the chain linear.
CREATE TABLE audit_entry (
    id         UUID          NOT NULL PRIMARY KEY,
    seq        BIGINT        NOT NULL,
    at         DATETIME(6)   NOT NULL,
    actor      VARCHAR(100)  NOT NULL,
    action     VARCHAR(40)   NOT NULL,
    subject    VARCHAR(200)  NOT NULL,
    details    VARCHAR(2000) NOT NULL,
    prev_hash  BINARY(32)    NOT NULL,
    hash       BINARY(32)    NOT NULL,
    CONSTRAINT uk_audit_entry_seq UNIQUE (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_audit_entry_action ON audit_entry (action, seq);

CREATE TABLE audit_chain_head (
    id   INT        NOT NULL PRIMARY KEY,
    seq  BIGINT     NOT NULL,
    hash BINARY(32) NOT NULL,
    CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, UNHEX(REPEAT('00', 32)));
