-- Events the broker refuses for good (too large, say): kept for an operator instead of blocking
-- every event behind them in the outbox.
create table outbox_dead (
    id         bigint primary key,
    topic      text        not null,
    msg_key    text        not null,
    event_id   uuid        not null,
    event_type text        not null,
    payload    bytea       not null,
    reason     text        not null,
    created_at timestamptz not null,
    failed_at  timestamptz not null default now()
);
