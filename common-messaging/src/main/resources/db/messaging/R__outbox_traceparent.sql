-- The trace each outbox event belongs to (W3C traceparent), published as its ce_traceparent header.
-- A repeatable migration: this location is shared by every service, whose own version numbers run independently,
-- so a new versioned migration here would sort below versions some services have already applied.
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent text;
