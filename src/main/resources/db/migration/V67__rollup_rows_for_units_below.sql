-- Rollup rows of what lies below a unit: reach 'O' rows sum the unit's own ratings (and returned
-- dossiers), as before; reach 'B' rows, kept under every unit that has units below it, sum the
-- own rows of all those units (its whole subtree but itself). A province, a department or any
-- subtree is then read from its root's 'O' and 'B' rows, one row per value and period, instead of
-- the rows of every unit in it: a province-wide custom period broken down by procedure read 100
-- units' day rows (about 50,000 at 10 million ratings); it now reads a hundredth of that.
-- Existing rows are the units' own; the 'B' rows are computed from them when the application
-- starts (RollupRebuild.buildWhenMissing), not here: the agency tree is the directory's business.
ALTER TABLE rating_rollup ADD COLUMN reach CHAR(1) NOT NULL DEFAULT 'O' AFTER grain,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (dimension, grain, reach, unit_id, period_start, dim_value, status, criterion),
    ADD CONSTRAINT ck_rating_rollup_reach CHECK (reach IN ('O', 'B'));
ALTER TABLE dossier_rollup ADD COLUMN reach CHAR(1) NOT NULL DEFAULT 'O' AFTER grain,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (dimension, grain, reach, unit_id, period_start, dim_value),
    ADD CONSTRAINT ck_dossier_rollup_reach CHECK (reach IN ('O', 'B'));
