-- Failed-login counters of the login throttle, one row per user name and one per client address,
-- shared by every replica. Times are epoch milliseconds, so that a back-off is doubled and added to
-- the time in the UPDATE itself, in SQL that H2 and PostgreSQL both accept. Rows whose counting
-- ended are purged.
CREATE TABLE countersign_login_failure (
    kind             VARCHAR(10) NOT NULL,
    subject          VARCHAR(100) NOT NULL,
    window_start_ms  BIGINT      NOT NULL,
    failures         INTEGER     NOT NULL,
    backoff_ms       BIGINT,
    blocked_until_ms BIGINT,
    PRIMARY KEY (kind, subject)
);

CREATE INDEX countersign_login_failure_by_window ON countersign_login_failure (window_start_ms);
