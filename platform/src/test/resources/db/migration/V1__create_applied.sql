create table applied (event_id uuid primary key, agency_id text not null);
