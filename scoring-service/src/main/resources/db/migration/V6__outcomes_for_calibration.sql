-- What each pursuit reached, from pursuits.events, for the calibration of an agency's
-- weights against its own outcomes (contract section 4). Flags only ever turn true, so an
-- event applied twice or out of order changes nothing.
create table outcomes (
    agency_id  text        not null,
    job_key    text        not null,
    proposed   boolean     not null default false,
    replied    boolean     not null default false,
    hired      boolean     not null default false,
    ended      boolean     not null default false,
    updated_at timestamptz not null,
    -- the listing's signals and score when the proposal was sent: the features a fit uses
    signals    jsonb,
    score      integer,
    primary key (agency_id, job_key)
);
