-- Scoring profiles (an agency without a row uses the default profile) and the latest score
-- of each agency's listing.
create table profiles (
    agency_id  text primary key,
    profile    jsonb       not null,
    version    integer     not null,
    updated_at timestamptz not null default now()
);

create table scores (
    agency_id       text        not null,
    job_key         text        not null,
    version         integer     not null,
    score           integer     not null,
    decision        text        not null,
    segment         text        not null,
    budget_band     text        not null,
    ai_work         boolean     not null,
    ai_exposure     text        not null,
    signals         jsonb       not null,
    red_flags       jsonb       not null,
    model_version   text        not null,
    profile_version integer     not null,
    scored_at       timestamptz not null,
    closed          boolean     not null,
    primary key (agency_id, job_key)
);

-- GET /api/v1/scores ranks an agency's open listings by score.
create index scores_open_by_score on scores (agency_id, score desc) where not closed;
