-- A kiosk silent for too long during opening hours raises an alert; it is closed when the kiosk is
-- heard again (or revoked). Rows are kept as the fleet's history.
CREATE TABLE kiosk_offline_alert (
    id              UUID         NOT NULL PRIMARY KEY,
    version         BIGINT       NOT NULL,
    device_id       UUID         NOT NULL,
    -- Equal to device_id while the alert is open, NULL once closed: the unique key makes "one open
    -- alert per device" a database rule, so nodes checking at the same moment open it once.
    open_device_id  UUID         NULL,
    offline_since   DATETIME(6)  NOT NULL,
    opened_at       DATETIME(6)  NOT NULL,
    closed_at       DATETIME(6)  NULL,
    CONSTRAINT uk_kiosk_offline_alert_open UNIQUE (open_device_id),
    CONSTRAINT fk_kiosk_offline_alert_device FOREIGN KEY (device_id) REFERENCES kiosk_device (id),
    CONSTRAINT ck_kiosk_offline_alert_open CHECK ((closed_at IS NULL) = (open_device_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_kiosk_offline_alert_device ON kiosk_offline_alert (device_id, opened_at);
