-- Every index of a resource table starts with org_id (SchemaStorageTest). The unfinished jobs' index is small (only
-- PENDING and RUNNING jobs), so the timeouts, which look across organisations, scan it whole as before.
DROP INDEX job_active;
CREATE INDEX job_active ON job (org_id, state) WHERE state IN ('PENDING', 'RUNNING');
