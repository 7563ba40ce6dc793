-- Changes not yet applied to the rollups: a transactional outbox (ADR 070). The transaction that
-- stores a rating or a dossier adds one row here (an insert of its own row: no hot row, no second
-- connection); a worker on each node applies many of them at once in one short transaction, so the
-- rows of a unit, its department and its province are written once per batch, not once per rating.
-- subject: R = a rating, D = a dossier, A = a dossier and every rating of it (its officers changed).
-- origin_node: the node whose worker takes the row at once; other nodes take it only when it has
-- waited longer than hailong.rollups.drain.orphaned-after (its node died before applying it).
CREATE TABLE rollup_pending (
    id          UUID        NOT NULL PRIMARY KEY,
    subject     CHAR(1)     NOT NULL,
    subject_id  UUID        NOT NULL,
    origin_node UUID        NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    attempts    INT         NOT NULL DEFAULT 0,
    KEY rollup_pending_by_node (origin_node, created_at),
    KEY rollup_pending_by_age (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
