CREATE TABLE note (
    id   uuid PRIMARY KEY,
    text text NOT NULL
);

CREATE TABLE applied_event (
    event_id      text PRIMARY KEY,
    name          text NOT NULL,
    applied       int  NOT NULL,
    applied_order bigserial
);
