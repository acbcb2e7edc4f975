-- Policies (Eve document layout).
CREATE TABLE policy (
    id         char(24)    PRIMARY KEY,
    org_id     text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    etag       char(40)    NOT NULL,
    revision   bigint      NOT NULL,
    doc        jsonb       NOT NULL,
    name       text        GENERATED ALWAYS AS (doc ->> 'name') STORED
);
CREATE INDEX policy_org_created ON policy (org_id, created_at, id);
CREATE INDEX policy_org_name ON policy (org_id, name);

-- scheduler-service's read model of the definitions (DefinitionChanged/Deleted); deletions are tombstones.
CREATE TABLE scheduled_definition (
    id               char(24) PRIMARY KEY,
    org_id           text     NOT NULL,
    kind             text     NOT NULL,
    name             text,
    cluster_id       char(24),
    backupdef_id     char(24),
    policy_id        char(24),
    trigger_type     text,
    pause            boolean  NOT NULL DEFAULT false,
    run_backup       boolean  NOT NULL DEFAULT false,
    delete_snapshots boolean  NOT NULL DEFAULT true,
    options          jsonb,
    revision         bigint   NOT NULL,
    deleted          boolean  NOT NULL DEFAULT false
);
CREATE INDEX scheduled_definition_policy ON scheduled_definition (policy_id) WHERE NOT deleted;

-- The next fire time of each schedule entry of each SCHEDULED definition. Firing claims due rows with
-- FOR UPDATE SKIP LOCKED and moves them to their next time in the same transaction that records the trigger.
CREATE TABLE fire_slot (
    definition_id  char(24)    NOT NULL,
    schedule_index int         NOT NULL,
    org_id         text        NOT NULL,
    policy_id      char(24)    NOT NULL,
    cron           text        NOT NULL,
    timezone       text        NOT NULL,
    retain_days    int         NOT NULL,
    next_fire_at   timestamptz NOT NULL,
    PRIMARY KEY (definition_id, schedule_index)
);
CREATE INDEX fire_slot_due ON fire_slot (next_fire_at);
