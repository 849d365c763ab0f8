-- Rescore (contract section 4): each score keeps the listing version it scored, so that it
-- can be scored again with the agency's current profile and roster. Scores stored before
-- this have none and are scored again only when their next version arrives.
alter table scores add column ingested jsonb;

create table rescores (
    id            uuid primary key,
    agency_id     text        not null,
    status        text        not null,
    total         integer     not null,
    processed     integer     not null default 0,
    changed       integer     not null default 0,
    after_job_key text,
    requested_at  timestamptz not null,
    finished_at   timestamptz,
    error         text
);

-- one rescore runs per agency at a time; a second request answers the running one
create unique index rescores_one_running on rescores (agency_id) where status = 'RUNNING';

create index rescores_latest on rescores (agency_id, requested_at desc);
