-- Duties one replica performs at a time (JdbcClusterLease), such as exporting the pending-approvals gauge.
CREATE TABLE countersign_cluster_lease (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
