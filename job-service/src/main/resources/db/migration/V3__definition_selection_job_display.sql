-- A kubebackup's PVC selection and hooks (JSON of the event types), for jobs whose trigger does not carry them
-- (the scheduler's).
ALTER TABLE definition_view ADD COLUMN selection text, ADD COLUMN hooks text;

-- Every job shows what it is (display_type: its type) and of what (display_name: its definition's name); the
-- Rancher extension lists only jobs that have display_type. Jobs stored before get them here.
UPDATE job
SET doc = doc || jsonb_build_object('display_type', doc ->> 'type',
                                    'display_name', coalesce(doc ->> 'copydef_name', doc ->> 'backupdef_name', 'job'))
WHERE NOT doc ? 'display_type';
