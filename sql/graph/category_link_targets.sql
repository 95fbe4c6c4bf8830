-- Link targets that name a category page: the only targets a categorylinks row may count
-- through (SPEC §9, for `subcat` and `file` links alike).
--
-- A commonswiki linktarget row counts when lt_namespace = 14 and lt_title is the title of a
-- category page of the month.
--
-- Parameters:
--   ${month}   month of the MediaWiki snapshot, YYYY-MM
-- Inputs:
--   source.mediawiki_linktarget, graph_categories (graph_categories.sql)
-- Output (temp view category_link_targets):
--   lt_id BIGINT, category_id BIGINT
-- Usage:
--   GraphStage registers it as the view `category_link_targets`.

SELECT
    lt.lt_id,
    c.category_id
FROM source.mediawiki_linktarget AS lt
JOIN graph_categories AS c
  ON c.category_title = lt.lt_title
WHERE lt.wiki_db = 'commonswiki'
  AND lt.snapshot = '${month}'
  AND lt.lt_namespace = 14
