-- Storage users register for their copies (Eve document layout).
CREATE TABLE objectstore (
    id             char(24)    PRIMARY KEY,
    org_id         text        NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    etag           char(40)    NOT NULL,
    revision       bigint      NOT NULL,
    doc            jsonb       NOT NULL,
    name           text        GENERATED ALWAYS AS (doc ->> 'name') STORED,
    provider_type  text        GENERATED ALWAYS AS (doc ->> 'provider_type') STORED,
    validate_state text        GENERATED ALWAYS AS (doc ->> 'validate_state') STORED
);
CREATE INDEX objectstore_org_created ON objectstore (org_id, created_at, id);
CREATE INDEX objectstore_org_name ON objectstore (org_id, name);
CREATE INDEX objectstore_org_validate_state ON objectstore (org_id, validate_state);

-- The write-only repo_password, as a salted PBKDF2 hash only and apart from the document, so that no read, query or
-- event of the document reaches it. Written before a new objectstore's row exists, within the same transaction,
-- hence the deferred reference.
CREATE TABLE objectstore_repo_password (
    objectstore_id char(24) PRIMARY KEY REFERENCES objectstore (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    hash           text     NOT NULL
);

-- The newest check each objectstore needs: for which of its revisions (the one whose write changed its target), and
-- the cluster whose agent was asked; null while no cluster of the organisation was ACTIVE, until a heartbeat comes.
CREATE TABLE objectstore_validation (
    objectstore_id char(24)    PRIMARY KEY REFERENCES objectstore (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    org_id         text        NOT NULL,
    revision       bigint      NOT NULL,
    cluster_id     char(24),
    requested_at   timestamptz NOT NULL
);
CREATE INDEX objectstore_validation_waiting ON objectstore_validation (org_id) WHERE cluster_id IS NULL;
