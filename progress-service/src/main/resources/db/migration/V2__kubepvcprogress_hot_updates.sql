-- Progress records are updated many times each. Updates that change no indexed column stay on their page
-- (HOT) and skip index maintenance, so the write path keeps only the indexes queries need: the unique
-- (org, job, op, namespace, name) index serves "by job", "by job and namespace" and "by job and state"
-- (a filter over one job's rows), the (org, created) index the unfiltered listing.
DROP INDEX kubepvcprogress_job_created;
DROP INDEX kubepvcprogress_job_state;
ALTER TABLE kubepvcprogress SET (fillfactor = 70);
