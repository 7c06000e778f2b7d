-- Countersign's tables as they were before Flyway: each statement is IF NOT EXISTS, so a database
-- the earlier versions created (they ran these statements at start-up) migrates without a baseline.
-- Plain SQL that H2 and PostgreSQL both accept.

CREATE TABLE IF NOT EXISTS countersign_conversation (
    task_id      VARCHAR(1000) NOT NULL,
    first_run_id VARCHAR(200)  NOT NULL,
    agent        VARCHAR(1000) NOT NULL,
    goal         TEXT,
    input        TEXT,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, first_run_id)
);

CREATE TABLE IF NOT EXISTS countersign_transcript_entry (
    task_id      VARCHAR(1000) NOT NULL,
    first_run_id VARCHAR(200)  NOT NULL,
    position     INTEGER       NOT NULL,
    entry        TEXT          NOT NULL,
    PRIMARY KEY (task_id, first_run_id, position)
);

CREATE TABLE IF NOT EXISTS countersign_archived_action (
    task_id       VARCHAR(1000) NOT NULL,
    first_run_id  VARCHAR(200)  NOT NULL,
    action_id     VARCHAR(32)   NOT NULL,
    action_number BIGINT        NOT NULL,
    view_json     TEXT          NOT NULL,
    archived_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, first_run_id, action_id)
);

CREATE INDEX IF NOT EXISTS countersign_archived_action_by_number
    ON countersign_archived_action (task_id, first_run_id, action_number);

-- API tokens (the service's JdbcApiTokens): the SHA-256 of each token, never the token.
CREATE TABLE IF NOT EXISTS countersign_api_token (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    owner_name   VARCHAR(200) NOT NULL,
    token_name   VARCHAR(200) NOT NULL,
    secret_hash  CHAR(64)     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    revoked_by   VARCHAR(200)
);

-- The MCP gateway's gates: at most one open gate per call key, held by the unique open_key.
CREATE TABLE IF NOT EXISTS countersign_gateway_gate (
    gate_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
    open_key     CHAR(64),
    call_key     CHAR(64)     NOT NULL,
    requester    VARCHAR(200) NOT NULL,
    tool         VARCHAR(200) NOT NULL,
    args_digest  VARCHAR(100) NOT NULL,
    task_id      VARCHAR(128) NOT NULL,
    action_id    VARCHAR(40),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    collected_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT countersign_gateway_gate_open UNIQUE (open_key)
);
