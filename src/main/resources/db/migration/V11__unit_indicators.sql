-- Circular 01/2018 indicators 5, 6, 8, 9 entered per unit and period by a manager (or an
-- integrator), with every change kept: who, when, the previous and the new value.
CREATE TABLE index_unit_indicator (
    agency_id  UUID          NOT NULL,
    period     VARCHAR(10)   NOT NULL,
    indicator  INT           NOT NULL,
    value      DECIMAL(4, 2) NOT NULL,
    entered_by VARCHAR(100)  NOT NULL,
    entered_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (agency_id, period, indicator),
    CONSTRAINT fk_index_unit_indicator_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    CONSTRAINT ck_index_unit_indicator_number CHECK (indicator IN (5, 6, 8, 9)),
    CONSTRAINT ck_index_unit_indicator_value CHECK (value >= 0 AND value <= 2)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE index_unit_indicator_change (
    id             UUID          NOT NULL PRIMARY KEY,
    agency_id      UUID          NOT NULL,
    period         VARCHAR(10)   NOT NULL,
    indicator      INT           NOT NULL,
    previous_value DECIMAL(4, 2) NULL,
    new_value      DECIMAL(4, 2) NULL,
    note           VARCHAR(500)  NULL,
    changed_by     VARCHAR(100)  NOT NULL,
    changed_at     DATETIME(6)   NOT NULL,
    CONSTRAINT fk_index_unit_indicator_change_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_index_unit_indicator_change ON index_unit_indicator_change (agency_id, period, changed_at);
