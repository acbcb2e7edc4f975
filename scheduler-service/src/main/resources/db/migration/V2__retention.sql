-- Whether a schedule entry is locked: its runs' recovery points may not be deleted before they expire.
ALTER TABLE fire_slot ADD COLUMN locked boolean NOT NULL DEFAULT false;

-- scheduler-service's read model of the backupinstances (BackupInstanceChanged), for retention: each one's state and
-- expiry, and the deletions fired for it. Removed ones stay as tombstones so that a late older event cannot bring
-- them back. Firing claims due rows with FOR UPDATE SKIP LOCKED and records the trigger in the same transaction.
CREATE TABLE recovery_point (
    id              char(24)    PRIMARY KEY,
    org_id          text        NOT NULL,
    state           text        NOT NULL,
    expires_at      timestamptz,
    revision        bigint      NOT NULL,
    removed         boolean     NOT NULL DEFAULT false,
    deletions_fired int         NOT NULL DEFAULT 0,
    last_fired_at   timestamptz
);
CREATE INDEX recovery_point_due ON recovery_point (expires_at) WHERE NOT removed;
