-- A placeholder until restores exist: backupinstances is an always-empty, read-only collection (Eve layout).
CREATE TABLE backupinstance (
    id         char(24)    PRIMARY KEY,
    org_id     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    etag       char(40)    NOT NULL,
    revision   bigint      NOT NULL,
    doc        jsonb       NOT NULL
);
