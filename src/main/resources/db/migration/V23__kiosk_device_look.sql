-- Per-device survey template and branding (from kiosk-config/ or the admin), applied on the tablet.
-- NULL: the default template, the centre's own name, no mark, the standard colour.
ALTER TABLE kiosk_device
    ADD COLUMN template_key      VARCHAR(40)  NULL,
    ADD COLUMN brand_centre_name VARCHAR(200) NULL,
    ADD COLUMN brand_logo_text   VARCHAR(12)  NULL,
    ADD COLUMN brand_colour      CHAR(7)      NULL;
