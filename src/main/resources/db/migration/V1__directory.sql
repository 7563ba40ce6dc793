-- Directory: agencies (time-versioned), service centres, counters, officers, procedures.
-- Ids are application-generated UUIDv7 (no auto-increment: Galera-safe). SQL kept to what
-- MariaDB 10.11 and 11.4 both support.
CREATE TABLE agency (
    id              UUID         NOT NULL PRIMARY KEY,
    version         BIGINT       NOT NULL,
    code            VARCHAR(35)  NOT NULL,
    name            VARCHAR(255) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    parent_id       UUID         NULL,
    peer_group      VARCHAR(40)  NULL,
    valid_from      DATE         NOT NULL,
    valid_to        DATE         NULL,
    successor_of_id UUID         NULL,
    CONSTRAINT uk_agency_code UNIQUE (code),
    CONSTRAINT fk_agency_parent FOREIGN KEY (parent_id) REFERENCES agency (id),
    CONSTRAINT fk_agency_successor FOREIGN KEY (successor_of_id) REFERENCES agency (id),
    CONSTRAINT ck_agency_kind CHECK (kind IN ('PROVINCE', 'DEPARTMENT', 'COMMUNE', 'SERVICE_CENTRE', 'OTHER')),
    CONSTRAINT ck_agency_validity CHECK (valid_to IS NULL OR valid_to >= valid_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_centre (
    id        UUID         NOT NULL PRIMARY KEY,
    version   BIGINT       NOT NULL,
    code      VARCHAR(64)  NOT NULL,
    name      VARCHAR(255) NOT NULL,
    agency_id UUID         NOT NULL,
    CONSTRAINT uk_service_centre_code UNIQUE (code),
    CONSTRAINT fk_service_centre_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_counter (
    id        UUID         NOT NULL PRIMARY KEY,
    version   BIGINT       NOT NULL,
    code      VARCHAR(64)  NOT NULL,
    name      VARCHAR(255) NOT NULL,
    centre_id UUID         NOT NULL,
    CONSTRAINT uk_service_counter_code UNIQUE (code),
    CONSTRAINT fk_service_counter_centre FOREIGN KEY (centre_id) REFERENCES service_centre (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE officer (
    id           UUID         NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    external_id  VARCHAR(64)  NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    CONSTRAINT uk_officer_external_id UNIQUE (external_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "procedure" is a reserved word in MariaDB.
CREATE TABLE admin_procedure (
    id      UUID         NOT NULL PRIMARY KEY,
    version BIGINT       NOT NULL,
    code    VARCHAR(60)  NOT NULL,
    name    VARCHAR(500) NOT NULL,
    field   VARCHAR(200) NULL,
    CONSTRAINT uk_admin_procedure_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
