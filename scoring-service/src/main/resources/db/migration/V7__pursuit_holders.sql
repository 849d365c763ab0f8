-- Who holds each pursuit, from pursuits.events, so the scorer knows how many open pursuits
-- each freelancer has against the roster's capacity (contract section 4: "capacity: open
-- pursuits at most"). A pursuit is open from its claim until it is hired, lost, withdrawn or
-- released. The row keeps the latest event by tracking's recordedAt, so an event applied
-- twice or late changes nothing.
create table pursuit_holders (
    agency_id     text        not null,
    job_key       text        not null,
    freelancer_id text,
    open          boolean     not null,
    recorded_at   timestamptz not null,
    primary key (agency_id, job_key)
);

create index pursuit_holders_open on pursuit_holders (agency_id, freelancer_id) where open;
