-- Dossiers pushed by the one-stop software, the officers who handled them, and complaints (PAKN).
CREATE TABLE dossier (
    id                  UUID         NOT NULL PRIMARY KEY,
    version             BIGINT       NOT NULL,
    code                VARCHAR(60)  NOT NULL,
    procedure_id        UUID         NOT NULL,
    receiving_agency_id UUID         NOT NULL,
    competent_agency_id UUID         NOT NULL,
    -- The unit whose index this dossier counts for; the competent unit unless told otherwise.
    evaluated_agency_id UUID         NOT NULL,
    channel             VARCHAR(20)  NOT NULL,
    applicant_kind      VARCHAR(20)  NOT NULL,
    status              VARCHAR(40)  NOT NULL,
    received_at         DATETIME(6)  NOT NULL,
    due_at              DATETIME(6)  NULL,
    returned_at         DATETIME(6)  NULL,
    -- Derived from due_at and returned_at by the application, never written by hand.
    timeliness          VARCHAR(10)  NULL,
    supplement_requests INT          NOT NULL DEFAULT 0,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    CONSTRAINT uk_dossier_code UNIQUE (code),
    CONSTRAINT fk_dossier_procedure FOREIGN KEY (procedure_id) REFERENCES admin_procedure (id),
    CONSTRAINT fk_dossier_receiving FOREIGN KEY (receiving_agency_id) REFERENCES agency (id),
    CONSTRAINT fk_dossier_competent FOREIGN KEY (competent_agency_id) REFERENCES agency (id),
    CONSTRAINT fk_dossier_evaluated FOREIGN KEY (evaluated_agency_id) REFERENCES agency (id),
    CONSTRAINT ck_dossier_channel CHECK (channel IN ('IN_PERSON', 'ONLINE', 'POSTAL')),
    CONSTRAINT ck_dossier_applicant CHECK (applicant_kind IN ('CITIZEN', 'BUSINESS', 'STATE_AGENCY', 'OTHER')),
    CONSTRAINT ck_dossier_timeliness CHECK (timeliness IS NULL OR timeliness IN ('EARLY', 'ON_TIME', 'LATE')),
    CONSTRAINT ck_dossier_dates CHECK ((due_at IS NULL OR due_at >= received_at)
        AND (returned_at IS NULL OR returned_at >= received_at)),
    CONSTRAINT ck_dossier_supplements CHECK (supplement_requests >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_dossier_evaluated_returned ON dossier (evaluated_agency_id, returned_at);
CREATE INDEX ix_dossier_receiving_received ON dossier (receiving_agency_id, received_at);
CREATE INDEX ix_dossier_returned ON dossier (returned_at);

CREATE TABLE dossier_officer (
    dossier_id UUID        NOT NULL,
    officer_id UUID        NOT NULL,
    role       VARCHAR(20) NOT NULL,
    PRIMARY KEY (dossier_id, officer_id, role),
    CONSTRAINT fk_dossier_officer_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id),
    CONSTRAINT fk_dossier_officer_officer FOREIGN KEY (officer_id) REFERENCES officer (id),
    CONSTRAINT ck_dossier_officer_role CHECK (role IN ('RECEIVING', 'PROCESSING', 'RETURNING'))
) ENGINE = InnoDB;

CREATE INDEX ix_dossier_officer_officer ON dossier_officer (officer_id);

CREATE TABLE complaint (
    id                    UUID         NOT NULL PRIMARY KEY,
    version               BIGINT       NOT NULL,
    dossier_id            UUID         NOT NULL,
    external_id           VARCHAR(64)  NOT NULL,
    received_at           DATETIME(6)  NOT NULL,
    deadline              DATETIME(6)  NOT NULL,
    handled_at            DATETIME(6)  NULL,
    about_handling        BOOLEAN      NOT NULL DEFAULT TRUE,
    complainant_satisfied BOOLEAN      NULL,
    CONSTRAINT uk_complaint_external UNIQUE (external_id),
    CONSTRAINT fk_complaint_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_complaint_dossier ON complaint (dossier_id);
