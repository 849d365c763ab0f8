-- The pruner deletes past the retention in chunks by received_at: without this index each chunk
-- would scan the whole inbox. Built in the migration's transaction (not CONCURRENTLY, which
-- cannot run inside one, and which waits forever on Flyway's transactional lock): the inbox
-- holds about two weeks of event ids, a short build.
create index inbox_received_at on inbox (received_at);
