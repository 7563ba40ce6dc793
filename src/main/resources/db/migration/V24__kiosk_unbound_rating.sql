-- Ratings a kiosk takes without a dossier (no handover, no typed or scanned code), where the site
-- or device allows them (hailong.kiosk.unbound-ratings, kiosk_device.unbound_ratings). Kept apart
-- from `rating`: they never enter the index, the rollups or the satisfaction figures; they are kept
-- for the site's own review.
ALTER TABLE kiosk_device ADD COLUMN unbound_ratings VARCHAR(10) NULL;

CREATE TABLE kiosk_unbound_rating (
    id               UUID          NOT NULL PRIMARY KEY,
    version          BIGINT        NOT NULL,
    device_id        UUID          NOT NULL,
    counter_id       UUID          NOT NULL,
    template_id      UUID          NOT NULL,
    overall_option   VARCHAR(40)   NOT NULL,
    overall_points   INT           NOT NULL,
    -- criterion=option pairs, e.g. "attitude=SATISFIED;overall=VERY_SATISFIED"
    answers          VARCHAR(2000) NOT NULL,
    reasons          VARCHAR(400)  NULL,
    comment          VARCHAR(2000) NULL,
    submitted_at     DATETIME(6)   NOT NULL,
    idempotency_key  VARCHAR(100)  NOT NULL,
    request_hash     BINARY(32)    NOT NULL,
    CONSTRAINT uk_kiosk_unbound_rating_key UNIQUE (idempotency_key),
    CONSTRAINT fk_kiosk_unbound_rating_device FOREIGN KEY (device_id) REFERENCES kiosk_device (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_kiosk_unbound_rating_device ON kiosk_unbound_rating (device_id, submitted_at);
ALTER TABLE kiosk_device ADD CONSTRAINT ck_kiosk_device_unbound CHECK (unbound_ratings IS NULL OR unbound_ratings IN ('REFUSE', 'STORE'));
