-- The market report's whole periods, kept once computed (GET /api/v1/reports/market). A report
-- used to aggregate every listing of its window at request time: seconds for an operator's year
-- over a million listings. Now each whole period's cells are kept per scope (an agency, or ''
-- for every agency), grouping and interval, and read again while nothing in that period changed.
--
-- What "changed" means is kept by the database itself: market_period_changes counts, per agency
-- and period, the market_listings rows written in it. Statement triggers bump it from the
-- statement's transition tables, in the writer's transaction, whatever writes the table (the
-- sink, a backfill, a test). A listing moved to another period bumps both. The counts only grow,
-- so a kept period is current exactly when its count (an operator's: summed over agencies) is
-- the one it was computed at.

-- No listing may be written between the backfill below and the triggers (an instance still
-- running the old version during an upgrade): it would have no count, and its period would read
-- as empty until written again.
lock table market_listings in share row exclusive mode;

create table market_period_changes (
    agency_id       text   not null,
    period_interval text   not null,
    period_start    date   not null,
    changes         bigint not null,
    primary key (period_interval, period_start, agency_id)
);

create index market_period_changes_agency on market_period_changes (agency_id, period_interval, period_start);

insert into market_period_changes (agency_id, period_interval, period_start, changes)
select agency_id, 'week', week_start, count(*) from market_listings group by 1, 3
union all
select agency_id, 'month', month_start, count(*) from market_listings group by 1, 3;

-- Each statement's rows counted per agency and period (an update's old rows and new rows both),
-- in key order so that two writers lock the counts in the same order.
create function market_listings_written() returns trigger
    language plpgsql as $$
begin
    execute format($sql$
        insert into market_period_changes (agency_id, period_interval, period_start, changes)
        select r.agency_id, p.period_interval, p.period_start, count(*)
          from (%s) r
         cross join lateral (values ('week', r.week_start), ('month', r.month_start)) p (period_interval, period_start)
         group by 1, 2, 3
         order by 2, 3, 1
        on conflict (period_interval, period_start, agency_id)
            do update set changes = market_period_changes.changes + excluded.changes
        $sql$, case tg_op
            when 'INSERT' then 'select agency_id, week_start, month_start from new_rows'
            when 'DELETE' then 'select agency_id, week_start, month_start from old_rows'
            else 'select agency_id, week_start, month_start from old_rows
                  union all select agency_id, week_start, month_start from new_rows'
        end);
    return null;
end $$;

create trigger market_listings_inserted after insert on market_listings
    referencing new table as new_rows for each statement execute function market_listings_written();
create trigger market_listings_updated after update on market_listings
    referencing old table as old_rows new table as new_rows for each statement execute function market_listings_written();
create trigger market_listings_deleted after delete on market_listings
    referencing old table as old_rows for each statement execute function market_listings_written();

-- Emptied all at once: every period counts one more write (so no kept cells, even ones a report
-- reading at that moment keeps afterwards, are current any longer) and the kept cells go.
create function market_listings_truncated() returns trigger
    language plpgsql as $$
begin
    update market_period_changes set changes = changes + 1;
    delete from market_period_cells;
    return null;
end $$;

-- One whole period's cells of a report: the figures of each group, before listingsChange (which
-- compares neighbouring periods and is worked out when a report is put together).
create table market_period_cells (
    scope           text        not null,
    group_by        text        not null,
    period_interval text        not null,
    period_start    date        not null,
    changes         bigint      not null,
    cells           jsonb       not null,
    computed_at     timestamptz not null default now(),
    primary key (scope, group_by, period_interval, period_start)
);

create trigger market_listings_truncated after truncate on market_listings
    for each statement execute function market_listings_truncated();
