-- An event id is the reporting agency's own: unique within that agency only, so that
-- one agency can neither be refused nor learn anything because another used the same
-- id. (The PursuitAdvanced published for an event carries an id derived from both.)
alter table pursuit_events drop constraint pursuit_events_pkey;
alter table pursuit_events add primary key (agency_id, event_id);
