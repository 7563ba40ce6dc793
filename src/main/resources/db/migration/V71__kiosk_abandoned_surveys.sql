-- Whether a kiosk stores a survey the citizen began and left (an answer to the overall question,
-- "Gửi đánh giá" never pressed) as a rating flagged "not sent by the citizen" (issue 16).
-- NULL: the site's default (hailong.kiosk.abandoned-surveys, STORE).
ALTER TABLE kiosk_device ADD COLUMN abandoned_surveys VARCHAR(10) NULL;
ALTER TABLE kiosk_device ADD CONSTRAINT ck_kiosk_device_abandoned CHECK (abandoned_surveys IS NULL OR abandoned_surveys IN ('STORE', 'DISCARD'));
