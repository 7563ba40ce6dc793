-- The citizen's unsent answers on the phone survey page, kept between the page's round trips
-- (a validation error, A-/A+, the language switch), so that every answer survives the redirect of
-- post/redirect/get. One row per survey link (its dossier), short-lived: deleted when the rating is
-- stored, ignored once expired and purged soon after. It may hold the phone number the citizen
-- typed for a call-back; that is why it expires.
CREATE TABLE survey_draft (
    dossier_id UUID        NOT NULL PRIMARY KEY,
    content    TEXT        NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_survey_draft_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB;

CREATE INDEX ix_survey_draft_expires ON survey_draft (expires_at);
