-- Shared by every service (common-messaging). Service migrations start at V1.

-- Events written in the same transaction as the state change they describe; the relay publishes
-- them to Kafka in seq order and deletes them once the broker has acknowledged them.
CREATE TABLE outbox_event (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         uuid        NOT NULL UNIQUE,
    topic      text        NOT NULL,
    event_key  text        NOT NULL,
    ce_type    text        NOT NULL,
    org_id     text        NOT NULL,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Ids of events a consumer has applied, written in the transaction that applied them.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
