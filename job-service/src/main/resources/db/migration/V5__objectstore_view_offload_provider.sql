-- job-service's read model of offload-service's objectstores, fed by ObjectstoreChanged/Deleted: where a copy that
-- names one (offload_provider.user_objectstore) is sent. target is the JSON of the event's TargetSpec. A deleted
-- objectstore stays as a tombstone (deleted, no target) so that a late, older change cannot bring it back.
CREATE TABLE objectstore_view (
    id         text        PRIMARY KEY,
    org_id     text        NOT NULL,
    revision   bigint      NOT NULL,
    target     jsonb,
    locked     boolean     NOT NULL DEFAULT false,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- A kubeoffload's offload_provider (JSON of OffloadProvider), for copies whose trigger does not carry it (the
-- scheduler's).
ALTER TABLE definition_view ADD COLUMN offload_provider text;
