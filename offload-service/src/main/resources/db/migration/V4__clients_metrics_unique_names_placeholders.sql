-- Cluster metrics (GET kubeclusters/<id>?metrics=...) count a cluster's jobs and their PVCs: job_view learns
-- both from JobStateChanged.
ALTER TABLE job_view ADD COLUMN cluster_id char(24), ADD COLUMN pvcs integer, ADD COLUMN protected_pvcs integer;
CREATE INDEX job_view_cluster_start ON job_view (org_id, cluster_id, start_time);

-- Kubecluster names are unique per organisation. Clusters that share a name from before keep the oldest one's
-- name; the others get their id appended, so that the index can be built.
UPDATE kubecluster c
SET doc = jsonb_set(c.doc, '{name}', to_jsonb((c.doc ->> 'name') || ' (' || c.id || ')'))
WHERE EXISTS (SELECT 1 FROM kubecluster older
              WHERE older.org_id = c.org_id AND older.name = c.name
                AND (older.created_at, older.id) < (c.created_at, c.id));
DROP INDEX kubecluster_org_name;
CREATE UNIQUE INDEX kubecluster_org_name ON kubecluster (org_id, name);

-- Placeholders until restores and migrations exist: always-empty, read-only collections in the Eve layout.
CREATE TABLE kuberestore (
    id         char(24)    PRIMARY KEY,
    org_id     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    etag       char(40)    NOT NULL,
    revision   bigint      NOT NULL,
    doc        jsonb       NOT NULL
);
CREATE TABLE kubemigration (LIKE kuberestore INCLUDING ALL);
