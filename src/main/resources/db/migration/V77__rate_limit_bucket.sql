-- Token buckets of the per-address (and per-account) limits, shared by every node (bucket4j's
-- select-for-update protocol, vn.hailong.platform.limits.JdbcRateLimitBuckets). A row per key,
-- e.g. 'survey-link:203.0.113.7'; state is bucket4j's serialised bucket, NULL until first used.
-- expires_at (epoch milliseconds) is when the bucket has been full for a while: rows past it are
-- deleted by a job on any node.
CREATE TABLE rate_limit_bucket (
    bucket_key  VARCHAR(191)   NOT NULL,
    state       VARBINARY(1024) NULL,
    expires_at  BIGINT         NOT NULL,
    PRIMARY KEY (bucket_key),
    KEY rate_limit_bucket_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
