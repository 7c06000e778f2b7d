-- The console's claims (who is looking at which approval), shared by every replica. The primary key
-- decides between two reviewers claiming at once: one inserts, the other finds the winner's row.
CREATE TABLE countersign_review_claim (
    approval_id VARCHAR(1100) NOT NULL PRIMARY KEY,
    reviewer    VARCHAR(200)  NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX countersign_review_claim_by_expiry ON countersign_review_claim (expires_at);
