-- Bulk imports: the body is spooled to a file first; each chunk of listings commits together with
-- the import's counts and the byte offset and line after its last record, so a restarted service
-- resumes a RUNNING import exactly where its last committed chunk ended. lease_until/owner keep
-- two instances (or a resumer and a worker) from running one import at once.
create table imports (
    id             uuid        primary key,
    agency_id      text        not null,
    format         text        not null,
    status         text        not null,
    spool_path     text        not null,
    total          bigint      not null,
    processed      bigint      not null default 0,
    accepted       bigint      not null default 0,
    duplicates     bigint      not null default 0,
    rejected       bigint      not null default 0,
    errors         jsonb       not null default '[]',
    resume_offset  bigint      not null default 0,
    resume_line    bigint      not null default 1,
    attempts       integer     not null default 0,
    failure        text,
    owner          text,
    lease_until    timestamptz not null,
    created_at     timestamptz not null,
    finished_at    timestamptz
);

create index imports_running on imports (lease_until) where status = 'RUNNING';
