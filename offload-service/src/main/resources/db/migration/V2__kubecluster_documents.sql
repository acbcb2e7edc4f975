-- kubeclusters move to the Eve document layout (common-rest): meta columns plus the document; fields that
-- queries use often get generated columns.
ALTER TABLE kubecluster ADD COLUMN doc jsonb;
UPDATE kubecluster
SET doc = jsonb_strip_nulls(jsonb_build_object('name', name, 'description', description,
                                               'status', jsonb_build_object('state', 'PENDING')));
ALTER TABLE kubecluster ALTER COLUMN doc SET NOT NULL;
ALTER TABLE kubecluster DROP COLUMN name, DROP COLUMN description;
ALTER TABLE kubecluster ADD COLUMN name text GENERATED ALWAYS AS (doc ->> 'name') STORED;

DROP INDEX kubecluster_org_created;
CREATE INDEX kubecluster_org_created ON kubecluster (org_id, created_at, id);
CREATE INDEX kubecluster_org_name ON kubecluster (org_id, name);
