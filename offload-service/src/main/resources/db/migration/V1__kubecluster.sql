CREATE TABLE kubecluster (
    id          char(24)    PRIMARY KEY,
    org_id      text        NOT NULL,
    name        text        NOT NULL,
    description text,
    revision    bigint      NOT NULL,
    etag        char(40)    NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX kubecluster_org_created ON kubecluster (org_id, created_at);
