-- Per-PVC progress records (Eve document layout). One record per (organisation, job, operation,
-- namespace, PVC); `sequence` is the agent's per-PVC counter: an update applies only when it is newer.
CREATE TABLE kubepvcprogress (
    id         char(24)    PRIMARY KEY,
    org_id     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    etag       char(40)    NOT NULL,
    revision   bigint      NOT NULL,
    doc        jsonb       NOT NULL,
    sequence   bigint      NOT NULL,
    job_id     text        GENERATED ALWAYS AS (doc ->> 'job_id') STORED,
    op_type    text        GENERATED ALWAYS AS (coalesce(doc ->> 'op_type', '')) STORED,
    namespace  text        GENERATED ALWAYS AS (doc ->> 'namespace') STORED,
    name       text        GENERATED ALWAYS AS (doc ->> 'name') STORED,
    state      text        GENERATED ALWAYS AS (doc ->> 'state') STORED
);
CREATE UNIQUE INDEX kubepvcprogress_pvc ON kubepvcprogress (org_id, job_id, op_type, namespace, name);
CREATE INDEX kubepvcprogress_job_created ON kubepvcprogress (org_id, job_id, created_at, id);
CREATE INDEX kubepvcprogress_job_state ON kubepvcprogress (org_id, job_id, state);
CREATE INDEX kubepvcprogress_org_created ON kubepvcprogress (org_id, created_at, id);
