-- Two-factor log-in (TOTP, RFC 6238) for the roles that need it (hailong.security.two-factor.roles).
-- The secret must be readable to check codes, so it is kept as is: database backups carry it (README, Security).
ALTER TABLE user_account
    ADD COLUMN totp_secret      VARBINARY(64) NULL,
    ADD COLUMN totp_enrolled_at DATETIME(6)   NULL,
    -- The last 30-second step whose code was accepted: a code works once, on one node or another.
    ADD COLUMN totp_last_step   BIGINT        NULL;

-- One-time recovery codes (a lost phone), stored as SHA-256 hashes; a used code stays, marked.
CREATE TABLE login_recovery_code (
    username  VARCHAR(64) NOT NULL,
    code_hash BINARY(32)  NOT NULL,
    used_at   DATETIME(6) NULL,
    PRIMARY KEY (username, code_hash)
);
