-- Survey templates (versioned questionnaires) and ratings.
CREATE TABLE survey_template (
    id           UUID         NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    template_key VARCHAR(40)  NOT NULL,
    revision     INT          NOT NULL,
    active       BOOLEAN      NOT NULL,
    definition   LONGTEXT     NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uk_survey_template_revision UNIQUE (template_key, revision),
    CONSTRAINT ck_survey_template_json CHECK (JSON_VALID(definition))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rating (
    id                  UUID          NOT NULL PRIMARY KEY,
    version             BIGINT        NOT NULL,
    dossier_id          UUID          NOT NULL,
    -- Equal to dossier_id while this rating is the dossier's counted one, NULL otherwise.
    -- The unique key makes "one counted rating per dossier" a database rule, not only code.
    counted_dossier_id  UUID          NULL,
    evaluated_agency_id UUID          NOT NULL,
    procedure_id        UUID          NOT NULL,
    channel             VARCHAR(20)   NOT NULL,
    template_id         UUID          NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    overall_option      VARCHAR(40)   NOT NULL,
    overall_points      INT           NOT NULL,
    comment             VARCHAR(2000) NULL,
    submitted_at        DATETIME(6)   NOT NULL,
    device_id           VARCHAR(64)   NULL,
    idempotency_key     VARCHAR(100)  NOT NULL,
    request_hash        BINARY(32)    NOT NULL,
    CONSTRAINT uk_rating_counted_dossier UNIQUE (counted_dossier_id),
    CONSTRAINT uk_rating_idempotency UNIQUE (idempotency_key),
    CONSTRAINT fk_rating_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id),
    CONSTRAINT fk_rating_template FOREIGN KEY (template_id) REFERENCES survey_template (id),
    CONSTRAINT ck_rating_channel CHECK (channel IN ('KIOSK', 'QR', 'PORTAL', 'PAPER', 'PHONE')),
    CONSTRAINT ck_rating_status CHECK (status IN ('COUNTED', 'SUPERSEDED', 'UNBOUND', 'EXCLUDED')),
    CONSTRAINT ck_rating_counted CHECK ((status = 'COUNTED') = (counted_dossier_id IS NOT NULL)),
    CONSTRAINT ck_rating_counted_same CHECK (counted_dossier_id IS NULL OR counted_dossier_id = dossier_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_rating_dossier ON rating (dossier_id);
CREATE INDEX ix_rating_agency_submitted ON rating (evaluated_agency_id, submitted_at);
CREATE INDEX ix_rating_submitted ON rating (submitted_at);

CREATE TABLE rating_answer (
    rating_id     UUID        NOT NULL,
    criterion_key VARCHAR(40) NOT NULL,
    option_key    VARCHAR(40) NOT NULL,
    points        INT         NOT NULL,
    PRIMARY KEY (rating_id, criterion_key),
    CONSTRAINT fk_rating_answer_rating FOREIGN KEY (rating_id) REFERENCES rating (id)
) ENGINE = InnoDB;

CREATE TABLE rating_reason (
    rating_id   UUID        NOT NULL,
    reason_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (rating_id, reason_code),
    CONSTRAINT fk_rating_reason_rating FOREIGN KEY (rating_id) REFERENCES rating (id)
) ENGINE = InnoDB;
