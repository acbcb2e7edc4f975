-- The table layout every Eve resource uses: meta columns, the document, and generated typed columns for
-- the fields the schema declares with a column.
CREATE TABLE sample (
    id         char(24)    PRIMARY KEY,
    org_id     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    etag       char(40)    NOT NULL,
    revision   bigint      NOT NULL,
    doc        jsonb       NOT NULL,
    state      text        GENERATED ALWAYS AS (doc ->> 'state') STORED,
    size       bigint      GENERATED ALWAYS AS ((doc ->> 'size')::bigint) STORED
);
CREATE INDEX sample_org_created ON sample (org_id, created_at, id);
CREATE INDEX sample_org_state_created ON sample (org_id, state, created_at, id);
CREATE INDEX sample_org_size ON sample (org_id, size DESC NULLS LAST, id);

CREATE TABLE sample_marker (
    id text PRIMARY KEY
);
