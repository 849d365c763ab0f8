-- What ingest needs to tell a new listing version from a duplicate: per agency and jobKey, the
-- current version and the SHA-256 of its canonical content. The listing itself travels in the
-- ListingIngested event, not here.
create table listings (
    agency_id         text        not null,
    job_key           text        not null,
    version           integer     not null,
    content_hash      bytea       not null,
    first_accepted_at timestamptz not null,
    last_accepted_at  timestamptz not null,
    primary key (agency_id, job_key)
);
