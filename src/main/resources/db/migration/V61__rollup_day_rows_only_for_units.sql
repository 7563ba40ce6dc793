-- Day rows only for the unit as a whole (dimension ALL). Day rows of procedures, officers,
-- counters, channels and hours held nearly one row per rating and criterion; the edge days of a
-- custom period are read from the raw ratings for those dimensions instead. Month rows stay.
DELETE FROM rating_rollup WHERE grain = 'D' AND dimension <> 'ALL';
DELETE FROM dossier_rollup WHERE grain = 'D' AND dimension <> 'ALL';

ALTER TABLE rating_rollup ADD CONSTRAINT ck_rating_rollup_day_rows CHECK (grain = 'M' OR dimension = 'ALL');
ALTER TABLE dossier_rollup ADD CONSTRAINT ck_dossier_rollup_day_rows CHECK (grain = 'M' OR dimension = 'ALL');
