-- pgbench ceiling of GET /customers/{id}: the row by primary key, as Hibernate reads it (every column).
-- Ids are those of bench/generate-data.sh: md5(idprefix || n)::uuid, idprefix '<seed>:c:', n in 1..customers.
\set n random(1, :customers)
SELECT * FROM customer c WHERE c.id = md5(:idprefix || CAST(:n AS text))::uuid AND c.erased_at IS NULL;
