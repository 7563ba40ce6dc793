-- Rollups of ratings and returned dossiers for the dashboard, maintained incrementally from
-- RatingSubmitted / RatingSuperseded / DossierRecorded and rebuildable from the raw tables.
-- Grain 'D' rows cover one day (period_start = the day), grain 'M' rows one month (period_start =
-- its first day): a period reads whole months from 'M' rows and only the edge days from 'D' rows.
-- Days, hours and weekdays are those of the province's zone.
-- dimension: ALL (dim_value ''), PROCEDURE (procedure id), OFFICER (officer external id),
-- COUNTER (kiosk device id), CHANNEL (rating channel), HOUR (ISO weekday 1-7 '-' hour 00-23).
-- p0/p1/p2 count answers by points (2 best, 0 worst); for criterion 'overall', answers = ratings.
CREATE TABLE rating_rollup (
    dimension    VARCHAR(10)  NOT NULL,
    grain        CHAR(1)      NOT NULL,
    period_start DATE         NOT NULL,
    unit_id      UUID         NOT NULL,
    dim_value    VARCHAR(64)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    criterion    VARCHAR(40)  NOT NULL,
    answers      BIGINT       NOT NULL,
    points       BIGINT       NOT NULL,
    p0           BIGINT       NOT NULL,
    p1           BIGINT       NOT NULL,
    p2           BIGINT       NOT NULL,
    PRIMARY KEY (dimension, grain, period_start, unit_id, dim_value, status, criterion),
    CONSTRAINT ck_rating_rollup_grain CHECK (grain IN ('D', 'M'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What each rating has contributed: its status (and officer) at the time. An event, whether
-- first delivered, redelivered or out of order, only moves the difference between the rating's
-- current status and this row; the row is locked (SELECT ... FOR UPDATE) while it does.
CREATE TABLE rating_rollup_ledger (
    rating_id   UUID        NOT NULL PRIMARY KEY,
    status      VARCHAR(20) NOT NULL,
    officer_key VARCHAR(64) NULL,
    updated_at  DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- dimension: ALL, PROCEDURE, OFFICER (as above). returned = dossiers whose result was returned
-- in the period (by returned_at), late = those of them returned late.
CREATE TABLE dossier_rollup (
    dimension    VARCHAR(10)  NOT NULL,
    grain        CHAR(1)      NOT NULL,
    period_start DATE         NOT NULL,
    unit_id      UUID         NOT NULL,
    dim_value    VARCHAR(64)  NOT NULL,
    returned     BIGINT       NOT NULL,
    late         BIGINT       NOT NULL,
    PRIMARY KEY (dimension, grain, period_start, unit_id, dim_value),
    CONSTRAINT ck_dossier_rollup_grain CHECK (grain IN ('D', 'M'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What each returned dossier has contributed (a dossier's facts may change: returned later, another unit).
CREATE TABLE dossier_rollup_ledger (
    dossier_id   UUID        NOT NULL PRIMARY KEY,
    returned_day DATE        NULL,
    unit_id      UUID        NULL,
    procedure_id UUID        NULL,
    officer_key  VARCHAR(64) NULL,
    late         BOOLEAN     NOT NULL,
    updated_at   DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
