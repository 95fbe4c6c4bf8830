-- Commons categories of the month: the set C of SPEC §3.
--
-- Every commonswiki page in namespace 14 at the month's snapshot. Redirects are pages too
-- (SPEC §9: page_is_redirect is ignored).
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_page
--
-- Output (temporary view graph_categories):
--     category_id BIGINT, category_title STRING -- one row per category page
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view graph_categories,
--     computed once (local checkpoint).
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -f sql/graph/graph_categories.sql

SELECT
    page_id    AS category_id,
    page_title AS category_title
FROM source.mediawiki_page
WHERE wiki_db = 'commonswiki'
  AND snapshot = '${month}'
  AND page_namespace = 14
