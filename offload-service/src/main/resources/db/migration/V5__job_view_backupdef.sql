-- A kubebackup's status follows every job of it: its snapshots and the copies of its kubeoffloads.
ALTER TABLE job_view ADD COLUMN backupdef_id char(24);
UPDATE job_view SET backupdef_id = definition_id WHERE type <> 'K8S_COPY';
CREATE INDEX job_view_backupdef_start ON job_view (backupdef_id, start_time DESC NULLS LAST, job_id DESC);
