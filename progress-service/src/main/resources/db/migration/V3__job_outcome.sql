-- Jobs that ended FAILED or CANCELLED (from JobStateChanged). Their unfinished PVCs end FAILED with the job's
-- message, and so does any PENDING or ACTIVE update of theirs that arrives later.
CREATE TABLE job_outcome (
    org_id   text   NOT NULL,
    job_id   text   NOT NULL,
    state    text   NOT NULL,
    message  text   NOT NULL,
    end_time bigint,
    PRIMARY KEY (org_id, job_id)
);

-- A PVC document as it stands once its job has ended: unchanged unless the job ended FAILED or CANCELLED
-- (job_message not null) and the PVC is unfinished, which then becomes FAILED with the job's message and
-- the job's end time unless it has its own.
CREATE FUNCTION pvc_after_job(doc jsonb, job_message text, job_end_time bigint) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN job_message IS NULL OR doc ->> 'state' NOT IN ('PENDING', 'ACTIVE') THEN doc
                ELSE doc || jsonb_strip_nulls(jsonb_build_object('state', 'FAILED', 'message', job_message,
                        'end_time', coalesce((doc ->> 'end_time')::bigint, job_end_time)))
           END
$$;
