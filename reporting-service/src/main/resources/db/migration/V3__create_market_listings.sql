-- The market report's facts (contract section 6, /api/v1/reports/market): one row per listing
-- an agency has seen, holding its latest version's latest score (the same out-of-order rule as
-- listing_scores). period_at places the listing in a week or month: when it was posted, or when
-- the agency first ingested it if that is earlier or the posting time is unknown. The UTC week
-- (starting Monday, as ISO weeks do) and month are stored, so reports group by plain dates.

create table market_listings (
    agency_id       text        not null,
    job_key         text        not null,
    version         integer     not null,
    scored_at       timestamptz not null,
    period_at       timestamptz not null,
    week_start      date        not null generated always as ((date_trunc('week', period_at at time zone 'UTC'))::date) stored,
    month_start     date        not null generated always as ((date_trunc('month', period_at at time zone 'UTC'))::date) stored,
    category        text,
    segment         text,
    skills          text[]      not null,
    estimated_value numeric,
    proposals       integer,
    ai_work         boolean     not null,
    ai_exposure     text,
    decision        text        not null,
    primary key (agency_id, job_key)
);

-- a member's window (one agency) and an operator's (every agency)
create index market_listings_agency_period on market_listings (agency_id, period_at);
create index market_listings_period on market_listings (period_at);
