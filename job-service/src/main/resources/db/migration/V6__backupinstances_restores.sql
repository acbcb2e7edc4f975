-- Recovery points: every snapshot and copy job that is dispatched makes a backupinstance (Eve layout, table of V4),
-- PENDING until the job ends, READY when it completed (or ended PARTIAL); removed when it failed or was cancelled.
ALTER TABLE backupinstance
    ADD COLUMN type          text   GENERATED ALWAYS AS (doc ->> 'type') STORED,
    ADD COLUMN state         text   GENERATED ALWAYS AS (doc ->> 'state') STORED,
    ADD COLUMN cluster       text   GENERATED ALWAYS AS (doc ->> 'cluster') STORED,
    ADD COLUMN backupdef     text   GENERATED ALWAYS AS (doc ->> 'backupdef') STORED,
    ADD COLUMN backup_job_id text   GENERATED ALWAYS AS (doc ->> 'backup_job_id') STORED,
    ADD COLUMN start_time    bigint GENERATED ALWAYS AS ((doc ->> 'start_time')::bigint) STORED;
CREATE INDEX backupinstance_org_cluster_start ON backupinstance (org_id, cluster, start_time DESC NULLS LAST, id DESC);
CREATE INDEX backupinstance_org_backupdef_start ON backupinstance (org_id, backupdef, start_time DESC NULLS LAST, id DESC);
CREATE INDEX backupinstance_org_created ON backupinstance (org_id, created_at, id);

-- What job-service keeps of a backupinstance beside its document: the job that makes it, and where that job's copy
-- went (JSON of the TargetSpec it was dispatched with; null: the agent's default target), which restores read from.
CREATE TABLE backupinstance_source (
    backupinstance_id char(24) PRIMARY KEY,
    org_id            text     NOT NULL,
    backup_job_id     char(24) NOT NULL UNIQUE,
    target            jsonb
);
