-- Clientbook V9: "birthday within N days" and a consent condition are answered from the birthday index alone.

-- The birthday greeting segment ("birthday within 7 days and consent by SMS") read every candidate's
-- row from the table: the index gives the month and day, but the consent is in the row. At 1,000,000
-- customers that is about 22,000 candidates on 18,000 pages. EXPLAIN (ANALYZE, BUFFERS) on
-- PostgreSQL 15 after VACUUM, the count as SegmentFilterCompiler emits it (8,796 members), on a
-- machine whose reads cost about 23 µs a page (track_io_timing):
-- - on V3's customer_birthday_idx: Bitmap Heap Scan, shared read=18,109, 580-600 ms; 120 ms when
--   the pages happen to be in shared buffers;
-- - on the index below: Index Only Scan, Heap Fetches 329, 790 buffers, 21 ms.
--
-- PostgreSQL's planner only considers an index-only scan when every column the query uses is in
-- the index, even a column it uses only inside the indexed expression; hence birth_date in INCLUDE.
-- consent (about 110 bytes a customer) makes the index 148 MB instead of 18 MB at that size: the
-- price of answering every "birthday within N days" plus consent condition (the seeds' birthday
-- greeting asks for consent) without the table. Partial on erased_at IS NULL like V8's indexes:
-- every customer query says so.
DROP INDEX customer_birthday_idx;
CREATE INDEX customer_birthday_idx ON customer (((EXTRACT(MONTH FROM birth_date) * 100 + EXTRACT(DAY FROM birth_date))::int))
    INCLUDE (birth_date, consent) WHERE erased_at IS NULL;
