-- Corrections (đính chính) of a published period. A published snapshot never changes; when an
-- error is found after publication, the province computes a new snapshot of the same period and
-- publishes it as a correction of the current one, with a reason. Both stay stored and visible;
-- the period's figures are those of the last correction. Insert-only like the snapshots: the
-- unique key on corrects_snapshot_id lets each publication be corrected once (two managers
-- correcting at the same moment: one of them fails), so the corrections form one chain.
CREATE TABLE index_correction (
    snapshot_id          UUID          NOT NULL PRIMARY KEY,
    corrects_snapshot_id UUID          NOT NULL,
    scheme               VARCHAR(40)   NOT NULL,
    period               VARCHAR(10)   NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    published_at         DATETIME(6)   NOT NULL,
    published_by         VARCHAR(100)  NOT NULL,
    CONSTRAINT uk_index_correction_corrects UNIQUE (corrects_snapshot_id),
    CONSTRAINT fk_index_correction_snapshot FOREIGN KEY (snapshot_id) REFERENCES index_snapshot (id),
    CONSTRAINT fk_index_correction_corrects FOREIGN KEY (corrects_snapshot_id) REFERENCES index_snapshot (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_index_correction_period ON index_correction (scheme, period, published_at);
