-- job-service's read model of offload-service's definitions, fed by DefinitionChanged/Deleted.
-- A deleted definition stays as a tombstone so that a late, older change cannot bring it back.
CREATE TABLE definition_view (
    id         char(24)    PRIMARY KEY,
    org_id     text        NOT NULL,
    kind       text        NOT NULL,
    name       text        NOT NULL,
    cluster_id char(24),
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now()
);
