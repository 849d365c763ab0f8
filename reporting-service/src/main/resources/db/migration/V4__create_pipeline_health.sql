-- Pipeline health (GET /api/v1/reports/health): what reporting consumed, per stage, agency,
-- source topic and minute. Each consumer thread writes only its own topic's rows, so the
-- three consumers never wait on each other's bucket rows. latency holds a histogram of
-- health_latency_bucket() counts (90 fixed log-scale buckets, 4 per doubling, 1 ms .. 70 min);
-- p50/p95/p99 come from the buckets summed over a window.

create table health_buckets (
    stage         text        not null,
    minute        timestamptz not null,
    agency_id     text        not null,
    topic         text        not null,
    processed     bigint      not null,
    last_event_at timestamptz not null,
    latency       bigint[]    not null,
    primary key (stage, minute, agency_id, topic)
) with (fillfactor = 80);

-- a member's view: its own agency's buckets of a stage over a window
create index health_buckets_agency on health_buckets (agency_id, stage, minute);

-- the sources of the health report: last listing and listings of the last day per agency and source
create index listings_source_recency on listings (agency_id, source, last_ingested_at);

-- 0 for 1 ms or less (clock skew included), i for (2^((i-1)/4), 2^(i/4)] ms, 89 above 2^22 ms (70 min)
create function health_latency_bucket(ms double precision) returns integer
    language sql immutable parallel safe
    return case
        when ms is null then null
        when ms <= 1 then 0
        else least(89, ceil(4 * ln(ms) / ln(2))::integer)
    end;

-- counts of each bucket 0..89 among the given bucket numbers (nulls ignored)
create function health_histogram(buckets integer[]) returns bigint[]
    language sql immutable parallel safe
    return array(select count(b.bucket)
                   from generate_series(0, 89) as i(bucket)
                   left join unnest(buckets) as b(bucket) on b.bucket = i.bucket
                  group by i.bucket
                  order by i.bucket);

-- two histograms added bucket by bucket
create function health_histogram_add(a bigint[], b bigint[]) returns bigint[]
    language sql immutable parallel safe
    return case
        when a is null then b
        when b is null then a
        else array(select coalesce(x, 0) + coalesce(y, 0)
                     from unnest(a, b) with ordinality as t(x, y, n)
                    order by n)
    end;

create aggregate health_histogram_sum(bigint[]) (
    sfunc = health_histogram_add,
    stype = bigint[]
);
