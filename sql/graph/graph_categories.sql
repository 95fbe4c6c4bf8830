-- Commons categories of the month: the set C of SPEC §3.
--
-- Every commonswiki page in namespace 14 at the month's snapshot. Redirects are pages too
-- (SPEC §9: page_is_redirect is ignored).
--
-- Parameters:
--   ${month}   month of the MediaWiki snapshot, YYYY-MM
-- Inputs:
--   source.mediawiki_page
-- Output (temp view graph_categories):
--   category_id BIGINT, category_title STRING — one row per category page
-- Usage:
--   GraphStage registers it as the view `graph_categories`.

SELECT
    page_id    AS category_id,
    page_title AS category_title
FROM source.mediawiki_page
WHERE wiki_db = 'commonswiki'
  AND snapshot = '${month}'
  AND page_namespace = 14
