-- Sub-category edges p -> c: the set E of SPEC §3.
--
-- One edge per `subcat` categorylinks row whose cl_from is a category page c and whose link
-- target names a category page p. Self-loops are dropped; duplicate rows collapse.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_categorylinks
--     category_link_targets  (temporary view)
--     graph_categories  (temporary view)
--
-- Output (temporary view subcategory_edges):
--     parent_id BIGINT, child_id BIGINT -- distinct
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view subcategory_edges,
--     computed once (local checkpoint).
--     By hand (sql/README.md): in one session, create the views graph_categories then
--     category_link_targets, then run this file, with -d month=2024-02.

WITH subcategory_links AS (
    SELECT cl_from, cl_target_id
    FROM source.mediawiki_categorylinks
    WHERE wiki_db = 'commonswiki'
      AND snapshot = '${month}'
      AND cl_type = 'subcat'
)

SELECT DISTINCT
    target.category_id AS parent_id,
    link.cl_from       AS child_id
FROM subcategory_links AS link
JOIN category_link_targets AS target
  ON target.lt_id = link.cl_target_id
JOIN graph_categories AS child
  ON child.category_id = link.cl_from
WHERE target.category_id <> link.cl_from
