-- The transfer-rate history and the audit trail; the same statements for H2 and PostgreSQL, run at
-- every start, so each must be a no-op on a database that has it already (columns added later are
-- added with ALTER TABLE ... IF NOT EXISTS, for installations made before them).
CREATE TABLE IF NOT EXISTS fd_transfer (
    id              VARCHAR(36)                 NOT NULL PRIMARY KEY,
    direction       VARCHAR(8)                  NOT NULL,
    path            VARCHAR                     NOT NULL,
    client_address  VARCHAR(255)                NOT NULL,
    declared_size   BIGINT                      NOT NULL,
    bytes_moved     BIGINT                      NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    outcome         VARCHAR(9)                  NOT NULL,
    mean_rate       DOUBLE PRECISION            NOT NULL,
    peak_rate       DOUBLE PRECISION            NOT NULL,
    sample_count    INTEGER                     NOT NULL
);
CREATE INDEX IF NOT EXISTS fd_transfer_started_at ON fd_transfer (started_at);
-- the parts of one resumable upload (protocol 1.1); added to tables made before it
ALTER TABLE fd_transfer ADD COLUMN IF NOT EXISTS upload_id VARCHAR(36);
-- the node that served the transfer (jboss.node.name), for one history over a cluster's nodes
ALTER TABLE fd_transfer ADD COLUMN IF NOT EXISTS node VARCHAR(255);
CREATE TABLE IF NOT EXISTS fd_transfer_sample (
    transfer_id     VARCHAR(36)                 NOT NULL REFERENCES fd_transfer (id),
    seq             INTEGER                     NOT NULL,
    seconds         DOUBLE PRECISION            NOT NULL,
    bytes           BIGINT                      NOT NULL,
    rate            DOUBLE PRECISION            NOT NULL,
    rolling_average DOUBLE PRECISION            NOT NULL,
    PRIMARY KEY (transfer_id, seq)
);
-- the session's user (filedock.auth=required); null without accounts, and for transfers stored before it
ALTER TABLE fd_transfer ADD COLUMN IF NOT EXISTS user_name VARCHAR(255);
CREATE INDEX IF NOT EXISTS fd_transfer_user_started_at ON fd_transfer (user_name, started_at);
-- the door a transfer came through (protocol 1.2): protocol, http or share; older rows came over the protocol
ALTER TABLE fd_transfer ADD COLUMN IF NOT EXISTS channel VARCHAR(8) DEFAULT 'protocol' NOT NULL;
-- the audit trail: one row per recorded command (LOGIN, UPLOAD, DOWNLOAD, DELETE, MOVE, MKDIR, RMDIR)
CREATE SEQUENCE IF NOT EXISTS fd_audit_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE IF NOT EXISTS fd_audit (
    id              BIGINT                      NOT NULL PRIMARY KEY,
    recorded_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    user_name       VARCHAR(255),
    client_address  VARCHAR(255)                NOT NULL,
    action          VARCHAR(8)                  NOT NULL,
    path            VARCHAR,
    target          VARCHAR,
    outcome         VARCHAR(32)                 NOT NULL
);
CREATE INDEX IF NOT EXISTS fd_audit_recorded_at ON fd_audit (recorded_at);
CREATE INDEX IF NOT EXISTS fd_audit_user_recorded_at ON fd_audit (user_name, recorded_at);
CREATE INDEX IF NOT EXISTS fd_audit_action_recorded_at ON fd_audit (action, recorded_at);
-- no index on the path: the trail's only path filter is a prefix of the path OR of the target
-- (AuditSearch), which no single-column index serves, and every MKDIR and RMDIR paid for it
DROP INDEX IF EXISTS fd_audit_path;
-- the quotas administrators set over HTTP (protocol 1.2); a user without a row has filedock.quota
CREATE TABLE IF NOT EXISTS fd_user_quota (
    user_name       VARCHAR(255)                NOT NULL PRIMARY KEY,
    quota_bytes     BIGINT                      NOT NULL
);

-- share links (protocol 1.2): keyed by the SHA-256 of the token (base64url), never the token itself;
-- owner_name is null for links made without accounts; a revoked link is deleted
CREATE TABLE IF NOT EXISTS fd_share (
    id              VARCHAR(43)                 NOT NULL PRIMARY KEY,
    owner_name      VARCHAR(255),
    path            VARCHAR                     NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    password_hash   VARCHAR(255)
);
CREATE INDEX IF NOT EXISTS fd_share_owner_created_at ON fd_share (owner_name, created_at);
