-- pgbench ceiling of POST /customers/search with {"and": [region = <r>, consent.EMAIL = true,
-- buyingStage = CUSTOMER]}: the condition exactly as SegmentFilterCompiler compiles it, first page of 50
-- (51 rows) in createdAt order, every column (the service reads ids first, then the entities).
\set r random(0, 9)
SELECT c.* FROM customer c
WHERE c.erased_at IS NULL AND ((c.region = 'region-' || CAST(:r AS text))
      AND (coalesce(c.consent -> 'EMAIL' ->> 'granted' = 'true', false) = true) AND (c.buying_stage = 'CUSTOMER'))
ORDER BY c.created_at, c.id LIMIT 51;
