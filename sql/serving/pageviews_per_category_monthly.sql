-- Serving table 3 of SPEC §7, pageviews_per_category_monthly: pageviews of each (category, scope)
-- per wiki, plus an 'all-wikis' row holding the sum over its wikis. Only (category, scope, wiki)
-- with a viewed page have a row; the all-wikis row exists only where a per-wiki row does.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     category_wiki_pageviews  (temporary view, see category_wiki_pageviews.sql)
--
-- Output (written to serving.pageviews_per_category_monthly by ServingStage):
--     category STRING, category_scope STRING, wiki STRING, dt TIMESTAMP, pageview_count BIGINT
--
-- Usage:
--     spark3-sql -f pageviews_per_category_monthly.sql -d dt='2024-02-01 00:00:00'

WITH all_wikis_pageviews AS (
    SELECT
        category,
        category_scope,
        'all-wikis' AS wiki,
        CAST(SUM(pageview_count) AS BIGINT) AS pageview_count
    FROM category_wiki_pageviews
    GROUP BY category, category_scope
),

category_pageviews AS (
    SELECT category, category_scope, wiki, pageview_count FROM category_wiki_pageviews
    UNION ALL
    SELECT category, category_scope, wiki, pageview_count FROM all_wikis_pageviews
)

SELECT
    category,
    category_scope,
    wiki,
    TIMESTAMP '${dt}' AS dt,
    pageview_count
FROM category_pageviews
