-- The funnel kept as events arrive (issue 9). Each listing's contribution is kept in
-- funnel_listings; funnel_cells sums the contributions per dimension, span (the UTC day of
-- first ingest, and again its month), agency, closed-without-hire flag and group; funnel_facets counts reply times and
-- loss reasons beside each cell. A report sums whole days from the cells and reads the
-- listings of the partial days at either end of its period, so from/to stay exact.

create table funnel_listings (
    agency_id     text     not null,
    job_key       text     not null,
    counted       boolean  not null default false,
    cohort_at     timestamptz,
    no_hire       boolean  not null default false,
    g_segment     text,
    g_budget_band text,
    g_source      text,
    g_freelancer  text,
    g_category    text,
    g_ai_work     text,
    g_ai_exposure text,
    reached       smallint not null default 0,
    outcome       text,
    loss_reason   text,
    connects      bigint   not null default 0,
    revenue       numeric  not null default 0,
    reply_minutes integer,
    primary key (agency_id, job_key)
) with (fillfactor = 70);

create index funnel_listings_cohort on funnel_listings (cohort_at) where counted;

create index funnel_listings_agency_cohort on funnel_listings (agency_id, cohort_at) where counted;

create table funnel_cells (
    dimension   text    not null,
    span        text    not null,
    agency_id   text    not null,
    day         date    not null,
    no_hire     boolean not null,
    grp         text    not null,
    scored      bigint  not null,
    queued      bigint  not null,
    claimed     bigint  not null,
    proposed    bigint  not null,
    viewed      bigint  not null,
    replied     bigint  not null,
    interviewed bigint  not null,
    hired       bigint  not null,
    lost        bigint  not null,
    withdrawn   bigint  not null,
    connects    bigint  not null,
    revenue     numeric not null,
    primary key (dimension, span, agency_id, day, no_hire, grp)
) with (fillfactor = 50);

create index funnel_cells_day on funnel_cells (dimension, span, day);

create table funnel_facets (
    dimension text    not null,
    span      text    not null,
    agency_id text    not null,
    day       date    not null,
    no_hire   boolean not null,
    grp       text    not null,
    facet     text    not null,
    value     text    not null,
    listings  bigint  not null,
    primary key (dimension, span, agency_id, day, no_hire, grp, facet, value)
) with (fillfactor = 50);

create index funnel_facets_day on funnel_facets (dimension, span, day);

-- Listings and scores stored before this migration enter the cells once: every listing
-- with a score is marked for a recount, which the service runs at start (FunnelBackfill).
create table funnel_recount (
    agency_id text not null,
    job_key   text not null,
    primary key (agency_id, job_key)
);

insert into funnel_recount (agency_id, job_key) select agency_id, job_key from listing_scores;
