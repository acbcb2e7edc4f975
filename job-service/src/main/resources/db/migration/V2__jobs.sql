-- Jobs (Eve document layout) with generated columns for the common queries.
CREATE TABLE job (
    id         char(24)    PRIMARY KEY,
    org_id     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    etag       char(40)    NOT NULL,
    revision   bigint      NOT NULL,
    doc        jsonb       NOT NULL,
    state      text        GENERATED ALWAYS AS (doc ->> 'state') STORED,
    type       text        GENERATED ALWAYS AS (doc ->> 'type') STORED,
    cluster    text        GENERATED ALWAYS AS (doc ->> 'cluster') STORED,
    backupdef  text        GENERATED ALWAYS AS (doc ->> 'backupdef') STORED,
    copydef    text        GENERATED ALWAYS AS (doc ->> 'copydef') STORED,
    start_time bigint      GENERATED ALWAYS AS ((doc ->> 'start_time')::bigint) STORED
);
CREATE INDEX job_org_created ON job (org_id, created_at, id);
CREATE INDEX job_org_state_created ON job (org_id, state, created_at, id);
CREATE INDEX job_org_type ON job (org_id, type, created_at, id);
CREATE INDEX job_org_cluster ON job (org_id, cluster, created_at, id);
CREATE INDEX job_org_backupdef_start ON job (org_id, backupdef, start_time DESC NULLS LAST, id DESC);
CREATE INDEX job_org_copydef_start ON job (org_id, copydef, start_time DESC NULLS LAST, id DESC);
CREATE INDEX job_org_start ON job (org_id, start_time DESC NULLS LAST, id DESC);
CREATE INDEX job_active ON job (state) WHERE state IN ('PENDING', 'RUNNING');

-- What job-service tracks of a job beyond its document: the trigger that created it (one job per
-- trigger), the newest agent report applied, and whether a cancel was requested.
CREATE TABLE job_tracking (
    job_id           char(24) PRIMARY KEY,
    org_id           text     NOT NULL,
    trigger_id       text     NOT NULL UNIQUE,
    report_sequence  bigint   NOT NULL DEFAULT 0,
    cancel_requested boolean  NOT NULL DEFAULT false
);

-- The newest update of each PVC of each job; job progress aggregates are sums over it.
CREATE TABLE pvc_progress_view (
    job_id            char(24) NOT NULL,
    namespace         text     NOT NULL,
    name              text     NOT NULL,
    op_type           text     NOT NULL,
    sequence          bigint   NOT NULL,
    state             text     NOT NULL,
    estimated_size    bigint   NOT NULL DEFAULT 0,
    estimated_files   bigint   NOT NULL DEFAULT 0,
    io_size           bigint   NOT NULL DEFAULT 0,
    io_files          bigint   NOT NULL DEFAULT 0,
    transferred_size  bigint   NOT NULL DEFAULT 0,
    transferred_files bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (job_id, op_type, namespace, name)
);

-- When each cluster's agent was last heard from (AgentHeartbeat).
CREATE TABLE cluster_liveness (
    cluster_id     char(24)    PRIMARY KEY,
    last_heartbeat timestamptz NOT NULL
);
