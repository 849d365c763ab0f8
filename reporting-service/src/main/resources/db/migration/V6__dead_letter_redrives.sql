-- which dead letters an operator has redriven, and when: the broker keeps a dead letter until
-- its retention ends, so the list shows what is handled from what is not
create table dead_letter_redrives (
    dead_letter_id   text primary key,
    last_redriven_at timestamptz not null,
    redrives         int not null
);
