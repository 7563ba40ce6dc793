-- Webhook endpoints and their deliveries (ADR 098). A delivery row is written in the transaction
-- of the event it tells about (an outbox, as ADR 070) and sent by whichever node claims it.
CREATE TABLE webhook_endpoint (
    id               UUID          NOT NULL PRIMARY KEY,
    url              VARCHAR(2000) NOT NULL,
    description      VARCHAR(200)  NULL,
    owner_email      VARCHAR(254)  NOT NULL,
    -- comma-separated event types, e.g. rating.recorded,dossier.returned
    event_types      VARCHAR(500)  NOT NULL,
    -- the signing secret, AES-GCM encrypted with hailong.webhooks.secret-key (never stored plain)
    secret_encrypted VARBINARY(200) NOT NULL,
    enabled          BOOLEAN       NOT NULL,
    disabled_reason  VARCHAR(300)  NULL,
    disabled_at      DATETIME(6)   NULL,
    -- the first failed attempt since the last success (NULL: the last attempt succeeded)
    failing_since    DATETIME(6)   NULL,
    created_at       DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE webhook_delivery (
    id              UUID          NOT NULL PRIMARY KEY,
    endpoint_id     UUID          NOT NULL,
    -- webhook-id: the same for every endpoint and every attempt of one event (receivers deduplicate on it)
    message_id      VARCHAR(40)   NOT NULL,
    event_type      VARCHAR(40)   NOT NULL,
    payload         MEDIUMTEXT    NOT NULL,
    -- for events told once per subject (dossier.returned): a second one is not queued
    once_key        VARCHAR(100)  NULL,
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    last_attempt_at DATETIME(6)   NULL,
    last_status     INT           NULL,
    last_response   VARCHAR(1000) NULL,
    last_error      VARCHAR(500)  NULL,
    delivered_at    DATETIME(6)   NULL,
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    CONSTRAINT uk_webhook_delivery_once UNIQUE (endpoint_id, once_key),
    CONSTRAINT ck_webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    KEY webhook_delivery_due (status, next_attempt_at),
    KEY webhook_delivery_of_endpoint (endpoint_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The owner of an endpoint disabled after failing too long is told through the mail outbox.
ALTER TABLE follow_up_mail DROP CONSTRAINT ck_follow_up_mail_kind;
ALTER TABLE follow_up_mail
    ADD CONSTRAINT ck_follow_up_mail_kind CHECK (kind IN ('NEW_CASE', 'ESCALATION', 'KIOSK_OFFLINE', 'WEBHOOK_DISABLED'));
