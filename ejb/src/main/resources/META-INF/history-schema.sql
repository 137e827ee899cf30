-- The transfer-rate history; the same statements for H2 and PostgreSQL, run at every start.
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
CREATE TABLE IF NOT EXISTS fd_transfer_sample (
    transfer_id     VARCHAR(36)                 NOT NULL REFERENCES fd_transfer (id),
    seq             INTEGER                     NOT NULL,
    seconds         DOUBLE PRECISION            NOT NULL,
    bytes           BIGINT                      NOT NULL,
    rate            DOUBLE PRECISION            NOT NULL,
    rolling_average DOUBLE PRECISION            NOT NULL,
    PRIMARY KEY (transfer_id, seq)
);
