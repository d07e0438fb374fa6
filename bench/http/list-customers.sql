-- pgbench ceiling of GET /customers?region=<r>&sort=-totalSpent&limit=50: the page query CustomerRepository.list
-- sends (one row more than the page, to know whether there is a next one).
\set r random(0, 9)
SELECT c.*, (c.total_spent)::text AS sort_value FROM customer c
WHERE c.erased_at IS NULL AND c.region = 'region-' || CAST(:r AS text)
ORDER BY c.total_spent DESC, c.id DESC LIMIT 51;
