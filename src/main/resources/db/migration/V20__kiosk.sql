-- Counter kiosks: tablets enrolled as devices of a counter, and the handover binding of a dossier
-- to a counter (the one-stop software calls it when the officer hands the dossier over).
CREATE TABLE kiosk_device (
    id                    UUID         NOT NULL PRIMARY KEY,
    version               BIGINT       NOT NULL,
    code                  VARCHAR(64)  NOT NULL,
    counter_id            UUID         NOT NULL,
    locale                VARCHAR(8)   NOT NULL,
    idle_timeout_seconds  INT          NOT NULL,
    thank_you_seconds     INT          NOT NULL,
    -- SHA-256 of the one-time enrolment token while an enrolment is open; the token itself is never stored.
    enrolment_hash        BINARY(32)   NULL,
    enrolment_expires_at  DATETIME(6)  NULL,
    -- SHA-256 of the device credential (the tablet's HttpOnly cookie); NULL until enrolled and after revocation.
    credential_hash       BINARY(32)   NULL,
    enrolled_at           DATETIME(6)  NULL,
    revoked_at            DATETIME(6)  NULL,
    last_seen_at          DATETIME(6)  NULL,
    unsent_ratings        INT          NOT NULL DEFAULT 0,
    CONSTRAINT uk_kiosk_device_code UNIQUE (code),
    CONSTRAINT uk_kiosk_device_enrolment UNIQUE (enrolment_hash),
    CONSTRAINT uk_kiosk_device_credential UNIQUE (credential_hash),
    CONSTRAINT fk_kiosk_device_counter FOREIGN KEY (counter_id) REFERENCES service_counter (id),
    CONSTRAINT ck_kiosk_device_timeouts CHECK (idle_timeout_seconds BETWEEN 5 AND 3600 AND thank_you_seconds BETWEEN 1 AND 120)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE kiosk_handover (
    id              UUID         NOT NULL PRIMARY KEY,
    version         BIGINT       NOT NULL,
    counter_id      UUID         NOT NULL,
    dossier_id      UUID         NOT NULL,
    officer_id      VARCHAR(64)  NOT NULL,
    handed_over_at  DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    -- Set when the binding is used up (rated) or replaced by the next handover at the counter.
    ended_at        DATETIME(6)  NULL,
    CONSTRAINT fk_kiosk_handover_counter FOREIGN KEY (counter_id) REFERENCES service_counter (id),
    CONSTRAINT fk_kiosk_handover_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_kiosk_handover_counter ON kiosk_handover (counter_id, handed_over_at);
-- Each node polls for handovers made on other nodes by time.
CREATE INDEX ix_kiosk_handover_time ON kiosk_handover (handed_over_at);
