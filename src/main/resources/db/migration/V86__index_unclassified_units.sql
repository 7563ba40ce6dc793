-- A methodology may list a unit without dossiers unclassified (methodology key
-- dossiers.withoutDossiers = UNCLASSIFIED): no TT 01 score or band and no Decision 766 total,
-- instead of "Yếu" and 12.00 computed from empty data. Existing rows keep their values.
ALTER TABLE index_snapshot_unit
    MODIFY tt01_total  DECIMAL(7, 2) NULL,
    MODIFY tt01_band   VARCHAR(20)   NULL,
    MODIFY d766_points DECIMAL(7, 2) NULL;
