-- Rollups at four grains for every dimension: day 'D', month 'M', calendar quarter 'Q' and year 'Y'
-- (period_start = the first day of each). A period is read from its whole years, quarters and
-- months and the days at its edges, so a province-year is one row per unit and value, and a custom
-- period of any dimension needs no raw ratings any more.
-- Rows of the breakdowns (procedure, officer, counter, channel, hour) are kept for the criterion
-- 'overall' only: their tables show ratings and satisfaction; averages per criterion are shown for
-- the unit as a whole (dimension ALL), which keeps every criterion.
--
-- The rows of the old shape cannot be turned into the new one here (the breakdowns' day rows come
-- from the raw ratings), so the rollups and their ledgers are emptied; the application rebuilds
-- them from the raw tables when it starts (RollupRebuild.buildWhenMissing). TRUNCATE rather than
-- DELETE: on Galera it replicates as one statement, not as millions of row events.
TRUNCATE TABLE rating_rollup;
TRUNCATE TABLE dossier_rollup;
TRUNCATE TABLE rating_rollup_ledger;
TRUNCATE TABLE dossier_rollup_ledger;

ALTER TABLE rating_rollup DROP CONSTRAINT ck_rating_rollup_day_rows;
ALTER TABLE rating_rollup DROP CONSTRAINT ck_rating_rollup_grain;
ALTER TABLE rating_rollup ADD CONSTRAINT ck_rating_rollup_grain CHECK (grain IN ('D', 'M', 'Q', 'Y'));
ALTER TABLE rating_rollup ADD CONSTRAINT ck_rating_rollup_criteria CHECK (dimension = 'ALL' OR criterion = 'overall');

ALTER TABLE dossier_rollup DROP CONSTRAINT ck_dossier_rollup_day_rows;
ALTER TABLE dossier_rollup DROP CONSTRAINT ck_dossier_rollup_grain;
ALTER TABLE dossier_rollup ADD CONSTRAINT ck_dossier_rollup_grain CHECK (grain IN ('D', 'M', 'Q', 'Y'));
