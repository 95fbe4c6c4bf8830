-- Pageviews of each (category, scope) per wiki for the month: the sum of the
-- commons_pageviews_per_category_monthly rows (SPEC §5.3, one row per viewed page, each page
-- counted once) of that category, scope and wiki. Only wikis with at least one viewed page have a
-- row, so every sum is > 0. No all-wikis row: the tables that need one add it.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--
-- Inputs:
--     commons.commons_pageviews_per_category_monthly
--
-- Output (temporary view category_wiki_pageviews):
--     category STRING, category_scope STRING, wiki STRING, pageview_count BIGINT
--
-- Usage:
--     ServingStage registers it as the temporary view category_wiki_pageviews, computed once and
--     kept in Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -f sql/serving/category_wiki_pageviews.sql

WITH month_category_page_views AS (
    SELECT category, category_scope, wiki, pageview_count
    FROM commons.commons_pageviews_per_category_monthly
    WHERE year_month = '${month}'
)

SELECT
    category,
    category_scope,
    wiki,
    CAST(SUM(pageview_count) AS BIGINT) AS pageview_count
FROM month_category_page_views
GROUP BY category, category_scope, wiki
