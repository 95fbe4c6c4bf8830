-- Pageviews of each (category, scope) per wiki, plus an 'all-wikis' row holding the sum over its
-- wikis: the counts that pageviews_per_category_monthly publishes and
-- top_viewed_categories_monthly ranks. Only (category, scope, wiki) with a viewed page have a row;
-- the all-wikis row exists only where a per-wiki row does.
--
-- Parameters: none
--
-- Inputs:
--     category_wiki_pageviews  (temporary view)
--
-- Output (temporary view category_pageviews_with_all_wikis):
--     category STRING, category_scope STRING, wiki STRING, pageview_count BIGINT
--
-- Usage:
--     ServingStage registers it as the temporary view category_pageviews_with_all_wikis, computed
--     once and kept in Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md): in one session, create the view category_wiki_pageviews, then run
--     this file, with -d month=2024-02.

WITH all_wikis_pageviews AS (
    SELECT
        category,
        category_scope,
        'all-wikis' AS wiki,
        CAST(SUM(pageview_count) AS BIGINT) AS pageview_count
    FROM category_wiki_pageviews
    GROUP BY category, category_scope
)

SELECT category, category_scope, wiki, pageview_count FROM category_wiki_pageviews
UNION ALL
SELECT category, category_scope, wiki, pageview_count FROM all_wikis_pageviews
