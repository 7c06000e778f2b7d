-- The console's sessions (sign-in, CSRF token, the page asked for before sign-in), kept by Spring
-- Session JDBC (spring.session.jdbc.table-name=countersign_session), so any replica serves any
-- browser and a restart signs nobody out. Spring Session's own schema, under Countersign's names;
-- BYTEA is PostgreSQL's binary type, which H2 accepts as well.
CREATE TABLE countersign_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INTEGER      NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT countersign_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX countersign_session_ix1 ON countersign_session (session_id);
CREATE INDEX countersign_session_ix2 ON countersign_session (expiry_time);
CREATE INDEX countersign_session_ix3 ON countersign_session (principal_name);

CREATE TABLE countersign_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT countersign_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT countersign_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES countersign_session (primary_id) ON DELETE CASCADE
);
