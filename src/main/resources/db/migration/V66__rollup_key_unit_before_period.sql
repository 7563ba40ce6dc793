-- Every rollup query names its units (unit_id IN (...), the user's scope) and a range of periods.
-- With the unit before the period in the key, each unit's range is read exactly; with the period
-- first, a range of days read every unit's rows of those days and then filtered them (one unit's
-- custom period by procedure read the whole province's day rows).
ALTER TABLE rating_rollup DROP PRIMARY KEY,
    ADD PRIMARY KEY (dimension, grain, unit_id, period_start, dim_value, status, criterion);
ALTER TABLE dossier_rollup DROP PRIMARY KEY,
    ADD PRIMARY KEY (dimension, grain, unit_id, period_start, dim_value);
