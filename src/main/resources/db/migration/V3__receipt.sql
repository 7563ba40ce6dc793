-- Survey links: the token itself is never stored, only its SHA-256 (a leaked table does not
-- leak working links). The token is derived from a server secret, so every node can print it again.
CREATE TABLE survey_link (
    dossier_id UUID        NOT NULL PRIMARY KEY,
    token_hash BINARY(32)  NOT NULL,
    issued_at  DATETIME(6) NOT NULL,
    CONSTRAINT uk_survey_link_token UNIQUE (token_hash),
    CONSTRAINT fk_survey_link_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB;
