-- The agency's freelancer roster (contract section 4), and the matches each score found in
-- it. Scores stored before this keep an empty list until their listing is scored again.
create table freelancers (
    agency_id     text        not null,
    freelancer_id text        not null,
    name          text        not null,
    skills        jsonb       not null,
    proof         jsonb       not null,
    hourly_rate   numeric,
    capacity      integer     not null,
    active        boolean     not null,
    updated_at    timestamptz not null,
    primary key (agency_id, freelancer_id)
);

alter table scores add column matches jsonb not null default '[]';
