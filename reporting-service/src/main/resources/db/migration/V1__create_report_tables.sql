-- What reporting keeps of the three topics: the latest version of each listing, the latest
-- score of each listing, and every pursuit event. Reports are computed from these rows at
-- read time, so the order in which the topics arrive does not matter.

create table listings (
    agency_id         text        not null,
    job_key           text        not null,
    source            text        not null,
    category          text,
    first_ingested_at timestamptz not null,
    latest_version    integer     not null,
    closed_result     text,
    last_ingested_at  timestamptz not null,
    primary key (agency_id, job_key)
);

create index listings_first_ingested on listings (first_ingested_at);

create table listing_scores (
    agency_id         text        not null,
    job_key           text        not null,
    version           integer     not null,
    score             integer     not null,
    decision          text        not null,
    segment           text,
    budget_band       text,
    ai_work           boolean     not null,
    ai_exposure       text,
    source            text,
    category          text,
    first_ingested_at timestamptz,
    closed_result     text,
    estimated_value   numeric,
    scored_at         timestamptz not null,
    primary key (agency_id, job_key)
);

create index listing_scores_first_ingested on listing_scores (first_ingested_at);

create table pursuit_events (
    event_id       uuid        primary key,
    agency_id      text        not null,
    job_key        text        not null,
    action         text        not null,
    stage          text,
    outcome        text,
    freelancer_id  text,
    occurred_at    timestamptz not null,
    connects_spent integer,
    contract_value numeric,
    reason         text
);

create index pursuit_events_listing on pursuit_events (agency_id, job_key);
