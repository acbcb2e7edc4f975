-- Snapshot backup definitions (Eve document layout).
CREATE TABLE kubebackup (
    id           char(24)    PRIMARY KEY,
    org_id       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    etag         char(40)    NOT NULL,
    revision     bigint      NOT NULL,
    doc          jsonb       NOT NULL,
    name         text        GENERATED ALWAYS AS (doc ->> 'name') STORED,
    cluster      text        GENERATED ALWAYS AS (doc ->> 'cluster') STORED,
    trigger_type text        GENERATED ALWAYS AS (doc ->> 'trigger_type') STORED,
    policy       text        GENERATED ALWAYS AS (doc ->> 'policy') STORED,
    copydef      text        GENERATED ALWAYS AS (doc ->> 'copydef') STORED
);
CREATE INDEX kubebackup_org_created ON kubebackup (org_id, created_at, id);
CREATE INDEX kubebackup_org_cluster ON kubebackup (org_id, cluster);
CREATE INDEX kubebackup_org_policy ON kubebackup (org_id, policy);

-- Copy backup definitions (Eve document layout).
CREATE TABLE kubeoffload (
    id           char(24)    PRIMARY KEY,
    org_id       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    etag         char(40)    NOT NULL,
    revision     bigint      NOT NULL,
    doc          jsonb       NOT NULL,
    name         text        GENERATED ALWAYS AS (doc ->> 'name') STORED,
    backupdef    text        GENERATED ALWAYS AS (doc ->> 'backupdef') STORED,
    cluster      text        GENERATED ALWAYS AS (doc ->> 'cluster') STORED,
    trigger_type text        GENERATED ALWAYS AS (doc ->> 'trigger_type') STORED,
    policy       text        GENERATED ALWAYS AS (doc ->> 'policy') STORED
);
CREATE INDEX kubeoffload_org_created ON kubeoffload (org_id, created_at, id);
CREATE INDEX kubeoffload_org_backupdef ON kubeoffload (org_id, backupdef);
CREATE INDEX kubeoffload_org_policy ON kubeoffload (org_id, policy);

-- offload-service's read model of jobs, fed by JobStateChanged: definition statuses derive from it, and
-- so do the "a job of it is still running" guards.
CREATE TABLE job_view (
    job_id        char(24) PRIMARY KEY,
    org_id        text     NOT NULL,
    type          text     NOT NULL,
    state         text     NOT NULL,
    message       text,
    definition_id char(24) NOT NULL,
    start_time    bigint,
    end_time      bigint,
    revision      bigint   NOT NULL
);
CREATE INDEX job_view_definition_start ON job_view (definition_id, start_time DESC NULLS LAST, job_id DESC);
CREATE INDEX job_view_active ON job_view (definition_id) WHERE state IN ('PENDING', 'RUNNING');
