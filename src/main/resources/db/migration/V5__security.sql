-- Managers' accounts and integrators' API keys (both stored hashed).
CREATE TABLE user_account (
    id            UUID         NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(30)  NOT NULL,
    agency_id     UUID         NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uk_user_account_username UNIQUE (username),
    CONSTRAINT fk_user_account_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    CONSTRAINT ck_user_account_role CHECK (role IN ('ADMIN', 'PROVINCE_MANAGER', 'UNIT_MANAGER', 'AUDITOR', 'OFFICER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An API key is 256 random bits, so a plain SHA-256 is a safe and fast lookup hash for it
-- (unlike passwords, which need a slow adaptive hash).
CREATE TABLE api_client (
    id           UUID         NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(12)  NOT NULL,
    key_hash     BINARY(32)   NOT NULL,
    active       BOOLEAN      NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT uk_api_client_name UNIQUE (name),
    CONSTRAINT uk_api_client_key UNIQUE (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
