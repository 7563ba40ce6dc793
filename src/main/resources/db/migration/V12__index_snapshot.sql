-- Snapshots of a computed period. Insert-only by design: no statement ever updates these tables.
-- Publishing inserts a row into index_publication; its foreign key makes the database refuse to
-- delete a published snapshot, and its unique key allows one publication per scheme and period.
CREATE TABLE index_snapshot (
    id                  UUID         NOT NULL PRIMARY KEY,
    scheme              VARCHAR(40)  NOT NULL,
    period              VARCHAR(10)  NOT NULL,
    period_start        DATE         NOT NULL,
    period_end          DATE         NOT NULL,
    methodology_id      UUID         NOT NULL,
    methodology_version INT          NOT NULL,
    -- SHA-256 (hex) of the canonical inputs (every unit's counts and entries, and the methodology version).
    inputs_hash         CHAR(64)     NOT NULL,
    units               INT          NOT NULL,
    computed_at         DATETIME(6)  NOT NULL,
    computed_by         VARCHAR(100) NOT NULL,
    compute_millis      BIGINT       NOT NULL,
    CONSTRAINT fk_index_snapshot_methodology FOREIGN KEY (methodology_id) REFERENCES index_methodology (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_index_snapshot_period ON index_snapshot (scheme, period, computed_at);

CREATE TABLE index_snapshot_unit (
    snapshot_id       UUID          NOT NULL,
    agency_id         UUID          NOT NULL,
    unit_code         VARCHAR(35)   NOT NULL,
    unit_name         VARCHAR(255)  NOT NULL,
    peer_group        VARCHAR(40)   NOT NULL,
    dossiers          BIGINT        NOT NULL,
    ratings           BIGINT        NOT NULL,
    satisfaction_rate DECIMAL(7, 2) NULL,
    tt01_total        DECIMAL(7, 2) NOT NULL,
    tt01_band         VARCHAR(20)   NOT NULL,
    d766_points       DECIMAL(7, 2) NOT NULL,
    par_points        DECIMAL(7, 2) NULL,
    par_band          VARCHAR(40)   NULL,
    unit_rank         INT           NULL,
    rank_change       INT           NULL,
    -- The unit's archived inputs and its full result (every intermediate value), as JSON.
    inputs            LONGTEXT      NOT NULL,
    result            LONGTEXT      NOT NULL,
    PRIMARY KEY (snapshot_id, agency_id),
    CONSTRAINT fk_index_snapshot_unit_snapshot FOREIGN KEY (snapshot_id) REFERENCES index_snapshot (id),
    CONSTRAINT ck_index_snapshot_unit_inputs CHECK (JSON_VALID(inputs)),
    CONSTRAINT ck_index_snapshot_unit_result CHECK (JSON_VALID(result))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE index_publication (
    snapshot_id  UUID         NOT NULL PRIMARY KEY,
    scheme       VARCHAR(40)  NOT NULL,
    period       VARCHAR(10)  NOT NULL,
    published_at DATETIME(6)  NOT NULL,
    published_by VARCHAR(100) NOT NULL,
    CONSTRAINT uk_index_publication_period UNIQUE (scheme, period),
    CONSTRAINT fk_index_publication_snapshot FOREIGN KEY (snapshot_id) REFERENCES index_snapshot (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The period aggregation reads dossiers by return time and unit, joins the counted rating and
-- the complaints; these covering indexes let it run from indexes instead of the clustered rows.
CREATE INDEX ix_dossier_index_period ON dossier (returned_at, evaluated_agency_id, timeliness);
CREATE INDEX ix_rating_counted_points ON rating (counted_dossier_id, overall_points);
CREATE INDEX ix_complaint_dossier_handling ON complaint (dossier_id, about_handling);
CREATE INDEX ix_complaint_deadline ON complaint (deadline);
