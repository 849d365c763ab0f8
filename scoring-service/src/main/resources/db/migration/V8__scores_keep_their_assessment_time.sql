-- The time a score's signals were assessed as of. A first scoring assesses as of when it
-- scores (scored_at); a rescore assesses as of the score it replaces, so that freshness,
-- which moves with the clock, never makes a rescore change a score by itself, however many
-- rescores came before. Scores stored before this column read scored_at instead.
alter table scores add column assessed_as_of timestamptz;
