-- The tier scores of every customer as one hand-written statement: the benchmark's yardstick for a
-- tier run. Same definitions as the service (see README "Tiers"); psql variables: as_of, window_days,
-- cut_a, cut_b. It computes every customer's tier, RFM scores and segment and counts them, writing nothing.
WITH win AS (
    SELECT customer_id,
           sum(amount) FILTER (WHERE occurred_at > :'as_of'::timestamptz - make_interval(secs => :window_days * 86400)) AS spend,
           count(*) FILTER (WHERE occurred_at > :'as_of'::timestamptz - make_interval(secs => :window_days * 86400)) AS freq,
           max(occurred_at) FILTER (WHERE occurred_at > :'as_of'::timestamptz - make_interval(secs => :window_days * 86400)) AS last_at
    FROM purchase
    WHERE voided_at IS NULL AND occurred_at <= :'as_of'::timestamptz
    GROUP BY customer_id
), base AS (
    SELECT c.id, w.customer_id IS NOT NULL AS bought, coalesce(w.freq, 0) > 0 AS active, w.spend, w.freq,
           extract(day FROM :'as_of'::timestamptz - w.last_at) AS recency_days
    FROM customer c LEFT JOIN win w ON w.customer_id = c.id
    WHERE c.erased_at IS NULL
), ranked AS (
    SELECT b.*,
           coalesce(sum(spend) OVER (PARTITION BY active ORDER BY spend DESC, id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS spend_above,
           sum(spend) OVER (PARTITION BY active) AS total_spend,
           6 - ntile(5) OVER (PARTITION BY active ORDER BY spend DESC, id) AS m,
           6 - ntile(5) OVER (PARTITION BY active ORDER BY freq DESC, id) AS f,
           6 - ntile(5) OVER (PARTITION BY active ORDER BY recency_days, id) AS r
    FROM base b
)
SELECT tier, segment, count(*) FROM (
    SELECT CASE WHEN NOT active THEN 'C'
                WHEN spend_above < :cut_a * total_spend THEN 'A'
                WHEN spend_above < :cut_b * total_spend THEN 'B'
                ELSE 'C' END AS tier,
           CASE WHEN NOT active THEN CASE WHEN bought THEN 'LOST' ELSE 'PROSPECT' END
                WHEN r = 5 AND f >= 4 THEN 'CHAMPIONS'
                WHEN r = 5 AND f >= 2 THEN 'POTENTIAL_LOYALIST'
                WHEN r = 5 THEN 'NEW'
                WHEN r = 4 AND f >= 4 THEN 'LOYAL'
                WHEN r = 4 AND f >= 2 THEN 'POTENTIAL_LOYALIST'
                WHEN r = 4 THEN 'PROMISING'
                WHEN r = 3 AND f >= 4 THEN 'LOYAL'
                WHEN r = 3 AND f = 3 THEN 'NEEDS_ATTENTION'
                WHEN r = 3 THEN 'ABOUT_TO_SLEEP'
                WHEN f = 5 THEN 'CANNOT_LOSE'
                WHEN f >= 3 THEN 'AT_RISK'
                ELSE 'HIBERNATING' END AS segment,
           r, f, m
    FROM ranked
) scores
GROUP BY tier, segment
ORDER BY tier, segment;
