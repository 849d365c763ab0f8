-- Feeds polled on a schedule (rss, upwork-graphql, json-url) and webhook feeds pushed to us.
-- token and secret are kept to call the source / check signatures and are never shown back.
-- A poller claims a due feed by moving lease_until forward (select ... for update skip locked),
-- so two instances never poll one feed; failures push next_poll_at back exponentially.
create table feeds (
    id                   uuid        primary key,
    agency_id            text        not null,
    type                 text        not null,
    source               text,
    url                  text,
    query                text,
    poll_seconds         integer     not null,
    token                text,
    secret               text,
    mapping              jsonb,
    created_at           timestamptz not null,
    next_poll_at         timestamptz not null,
    lease_until          timestamptz not null default '-infinity',
    last_poll_at         timestamptz,
    last_success_at      timestamptz,
    listings_found       bigint      not null default 0,
    consecutive_failures integer     not null default 0,
    last_error           text
);

create index feeds_by_agency on feeds (agency_id);
create index feeds_due on feeds (next_poll_at) where type <> 'webhook';
