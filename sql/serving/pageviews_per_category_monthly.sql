-- Serving table 3 of SPEC §7, pageviews_per_category_monthly: pageviews of each (category, scope)
-- per wiki, plus an 'all-wikis' row holding the sum over its wikis. Only (category, scope, wiki)
-- with a viewed page have a row; the all-wikis row exists only where a per-wiki row does.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     category_pageviews_with_all_wikis  (temporary view)
--
-- Output (written to serving.pageviews_per_category_monthly, replacing the month):
--     category STRING, category_scope STRING, wiki STRING, dt TIMESTAMP, pageview_count BIGINT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.pageviews_per_category_monthly with
--     the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views category_wiki_pageviews then
--     category_pageviews_with_all_wikis, then run this file, with -d month=2024-02
--     -d dt='2024-02-01 00:00:00'.

SELECT
    category,
    category_scope,
    wiki,
    TIMESTAMP '${dt}' AS dt,
    pageview_count
FROM category_pageviews_with_all_wikis
