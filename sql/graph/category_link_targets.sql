-- Link targets that name a category page: the only targets a categorylinks row may count
-- through (SPEC §9, for `subcat` and `file` links alike).
--
-- A commonswiki linktarget row counts when lt_namespace = 14 and lt_title is the title of a
-- category page of the month.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_linktarget
--     graph_categories  (temporary view)
--
-- Output (temporary view category_link_targets):
--     lt_id BIGINT, category_id BIGINT
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view category_link_targets,
--     computed once (local checkpoint): the one read of source.mediawiki_linktarget.
--     By hand (sql/README.md): in one session, create the views commons_pages then graph_categories,
--     then run this file, with -d month=2024-02.

SELECT
    lt.lt_id,
    c.category_id
FROM source.mediawiki_linktarget AS lt
JOIN graph_categories AS c
  ON c.category_title = lt.lt_title
WHERE lt.wiki_db = 'commonswiki'
  AND lt.snapshot = '${month}'
  AND lt.lt_namespace = 14
