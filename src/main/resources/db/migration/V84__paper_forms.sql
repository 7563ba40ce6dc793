-- Paper forms keyed in (Circular 01's paper channel, issue 20). A data-entry clerk keys a form's
-- answers; the rating itself is an ordinary PAPER rating (one counted per dossier, the same rules
-- as every channel). This table records the form: its printed serial (unique: a form is keyed
-- once), who keyed it, and, for the share drawn for a check, the blind second keying by another
-- person and whether it matched.
ALTER TABLE user_account DROP CONSTRAINT ck_user_account_role;
ALTER TABLE user_account ADD CONSTRAINT ck_user_account_role
    CHECK (role IN ('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'AUDITOR', 'OFFICER', 'DATA_ENTRY'));
-- The person's officer id in the one-stop software, when they also handle dossiers: nobody keys
-- the paper form of a dossier they handled.
ALTER TABLE user_account ADD COLUMN one_stop_officer_id VARCHAR(64) NULL;

CREATE TABLE paper_form (
    id                    UUID          NOT NULL PRIMARY KEY,
    serial                VARCHAR(40)   NOT NULL,
    dossier_id            UUID          NOT NULL,
    unit_id               UUID          NOT NULL,
    rating_id             UUID          NOT NULL,
    keyed_by              VARCHAR(100)  NOT NULL,
    keyed_at              DATETIME(6)   NOT NULL,
    second_keying_due     BOOLEAN       NOT NULL,
    second_keyed_by       VARCHAR(100)  NULL,
    second_keyed_at       DATETIME(6)   NULL,
    second_keying_matches BOOLEAN       NULL,
    mismatched_fields     VARCHAR(1000) NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uk_paper_form_serial UNIQUE (serial),
    CONSTRAINT uk_paper_form_rating UNIQUE (rating_id),
    CONSTRAINT ck_paper_form_second_person CHECK (second_keyed_by IS NULL OR second_keyed_by <> keyed_by)
) ENGINE = InnoDB;

CREATE INDEX ix_paper_form_second_keying ON paper_form (second_keying_due, second_keyed_at);
CREATE INDEX ix_paper_form_unit_keyed ON paper_form (unit_id, keyed_at);
