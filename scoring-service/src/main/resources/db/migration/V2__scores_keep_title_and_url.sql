-- The listing's title and link beside its score, so that a ranked list (the dashboard's Queue)
-- names each job as a person knows it. Scores stored before this are shown by jobKey until
-- their listing is scored again.
alter table scores add column title text, add column url text;
