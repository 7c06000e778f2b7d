-- The durable decision record: one row per thing that happened to an action (proposal, verdict,
-- decision, escalation, timeout, expiry, execution, review, rollback), sent by the task's workflow
-- through an activity and kept after Temporal's retention deleted the workflow. A row is stored once
-- by (task, action, event key); a second copy of it is ignored. Plain SQL that H2 and PostgreSQL both
-- accept.

CREATE TABLE IF NOT EXISTS countersign_decision_record (
    task_id              VARCHAR(1000) NOT NULL,
    action_id            VARCHAR(32)   NOT NULL,
    event_key            VARCHAR(64)   NOT NULL,
    action_number        BIGINT        NOT NULL,
    kind                 VARCHAR(32)   NOT NULL,
    happened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    requester            VARCHAR(1000),
    agent                VARCHAR(1000),
    tool                 VARCHAR(1000),
    outcome              VARCHAR(64),
    rule_name            VARCHAR(1000),
    policy_hash          VARCHAR(200),
    args_digest          VARCHAR(128),
    previous_args_digest VARCHAR(128),
    decided_by           VARCHAR(1000),
    comment_text         TEXT,
    shadow_rule          VARCHAR(1000),
    shadow_outcome       VARCHAR(32),
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task_id, action_id, event_key)
);

CREATE INDEX IF NOT EXISTS countersign_decision_record_by_time ON countersign_decision_record (happened_at);
