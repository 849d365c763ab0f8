-- The platform's messaging tables (com.bidstream.platform.messaging), migrated in every service.
create table outbox (
    id         bigserial primary key,
    topic      text        not null,
    msg_key    text        not null,
    event_id   uuid        not null,
    event_type text        not null,
    payload    bytea       not null,
    created_at timestamptz not null default now()
);

create table inbox (
    consumer    text        not null,
    event_id    uuid        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
