-- The ranking (GET /api/v1/scores) orders by score, then scored_at and job_key so that its pages
-- (offset) are stable: with the whole order in the index, a page deep in the ranking is read in
-- order instead of sorting every open listing of the agency. It replaces the index on score alone,
-- so each score written still updates one index for the ranking.
create index scores_open_ranked on scores (agency_id, score desc, scored_at desc, job_key) where not closed;
drop index scores_open_by_score;
