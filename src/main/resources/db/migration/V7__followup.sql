-- Follow-up cases: one per counted "not satisfied" rating, for the unit the rating counts for.
CREATE TABLE follow_up_case (
    id                  UUID          NOT NULL PRIMARY KEY,
    version             BIGINT        NOT NULL,
    rating_id           UUID          NOT NULL,
    dossier_id          UUID          NOT NULL,
    responsible_unit_id UUID          NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    opened_at           DATETIME(6)   NOT NULL,
    due_on              DATE          NOT NULL,
    contacted_at        DATETIME(6)   NULL,
    resolved_at         DATETIME(6)   NULL,
    closed_at           DATETIME(6)   NULL,
    outcome             VARCHAR(2000) NULL,
    CONSTRAINT uk_follow_up_case_rating UNIQUE (rating_id),
    CONSTRAINT fk_follow_up_case_rating FOREIGN KEY (rating_id) REFERENCES rating (id),
    CONSTRAINT fk_follow_up_case_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id),
    CONSTRAINT fk_follow_up_case_unit FOREIGN KEY (responsible_unit_id) REFERENCES agency (id),
    CONSTRAINT ck_follow_up_case_status CHECK (status IN ('OPEN', 'CONTACTED', 'RESOLVED', 'CLOSED')),
    CONSTRAINT ck_follow_up_case_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    INDEX ix_follow_up_case_unit (responsible_unit_id, status, due_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE follow_up_note (
    id         UUID          NOT NULL PRIMARY KEY,
    version    BIGINT        NOT NULL,
    case_id    UUID          NOT NULL,
    written_at DATETIME(6)   NOT NULL,
    author     VARCHAR(100)  NOT NULL,
    text       VARCHAR(2000) NOT NULL,
    CONSTRAINT fk_follow_up_note_case FOREIGN KEY (case_id) REFERENCES follow_up_case (id),
    INDEX ix_follow_up_note_case (case_id, written_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The phone number a citizen left with consent to be called about the case. Kept apart from the
-- rating (never in a rating row, never shown with it) and deleted when the case closes.
CREATE TABLE follow_up_contact (
    case_id      UUID        NOT NULL PRIMARY KEY,
    phone        VARCHAR(15) NOT NULL,
    consented_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_follow_up_contact_case FOREIGN KEY (case_id) REFERENCES follow_up_case (id)
) ENGINE = InnoDB;
