-- The Queue asks for one decision's ranking (GET /api/v1/scores?decision=REVIEW). With the ranking's
-- index led by the agency alone, PostgreSQL read past every PURSUE listing above the first REVIEW
-- one, or read the whole table: 0.4 s a page for an agency with 400,000 open PURSUE listings, and a
-- Queue of several pages timed out. Led by the agency and the decision, one decision's page is read
-- in order; a ranking over every decision merges the three decisions' ordered reads (ScoreStore).
-- It replaces the index by agency alone, so each score written still updates one ranking index.
create index scores_open_by_decision on scores (agency_id, decision, score desc, scored_at desc, job_key)
    where not closed;
drop index scores_open_ranked;
