-- The categorylinks rows that count (SPEC §9): `subcat` and `file` links of commonswiki whose
-- link target names a category page, with that category's page id.
--
-- The one read of source.mediawiki_categorylinks in the graph stage: subcategory_edges and
-- category_file_links both read this view, which the graph stage computes once and caches.
-- Rows of other types (`page`) are not kept.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_categorylinks
--     category_link_targets  (temporary view)
--
-- Output (temporary view counted_category_links):
--     cl_type STRING, cl_from BIGINT, category_id BIGINT -- the link's category
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view
--     counted_category_links, cached until the edges and file links are computed.
--     By hand (sql/README.md): in one session, create the views commons_pages, graph_categories
--     then category_link_targets, then run this file, with -d month=2024-02.

WITH category_links AS (
    SELECT cl_from, cl_target_id, cl_type
    FROM source.mediawiki_categorylinks
    WHERE wiki_db = 'commonswiki'
      AND snapshot = '${month}'
      AND cl_type IN ('subcat', 'file')
)

SELECT
    link.cl_type,
    link.cl_from,
    target.category_id
FROM category_links AS link
JOIN category_link_targets AS target
  ON target.lt_id = link.cl_target_id
