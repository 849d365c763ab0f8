-- One pursuit per scored listing of an agency: where it stands in the funnel, and the
-- latest score that tracking applied (score_version and scored_at order late scores).
create table pursuits (
    agency_id     text        not null,
    job_key       text        not null,
    stage         text        not null,
    outcome       text,
    freelancer_id text,
    score         integer,
    decision      text,
    segment       text,
    reason        text,
    score_version integer,
    scored_at     timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (agency_id, job_key)
);

create index pursuits_by_agency_newest on pursuits (agency_id, created_at desc);

-- Every accepted funnel event, in the order tracking accepted them (seq).
create table pursuit_events (
    event_id       uuid primary key,
    seq            bigint generated always as identity,
    agency_id      text        not null,
    job_key        text        not null,
    type           text        not null,
    freelancer_id  text,
    occurred_at    timestamptz not null,
    connects_spent integer,
    bid_amount     numeric(14, 2),
    contract_value numeric(14, 2),
    reason         text,
    note           text,
    recorded_at    timestamptz not null
);

create index pursuit_events_by_pursuit on pursuit_events (agency_id, job_key);
