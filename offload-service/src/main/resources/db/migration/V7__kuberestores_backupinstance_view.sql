-- kuberestores become a writable resource (the table of V4, Eve layout) with columns for the common queries.
ALTER TABLE kuberestore
    ADD COLUMN name        text GENERATED ALWAYS AS (doc ->> 'name') STORED,
    ADD COLUMN cluster     text GENERATED ALWAYS AS (doc ->> 'cluster') STORED,
    ADD COLUMN backup_inst text GENERATED ALWAYS AS (doc ->> 'backup_inst') STORED;
CREATE INDEX kuberestore_org_created ON kuberestore (org_id, created_at, id);
CREATE INDEX kuberestore_org_cluster ON kuberestore (org_id, cluster, created_at, id);

-- offload-service's read model of job-service's backupinstances (BackupInstanceChanged), newest revision of each; a
-- removed one stays as a tombstone so that a late, older change cannot bring it back.
CREATE TABLE backupinstance_view (
    id            char(24) PRIMARY KEY,
    org_id        text     NOT NULL,
    type          text     NOT NULL,
    state         text     NOT NULL,
    cluster_id    text,
    backupdef_id  text,
    backup_job_id text,
    revision      bigint   NOT NULL,
    removed       boolean  NOT NULL DEFAULT false
);
