-- Media files directly in a category: (category, file) pairs of SPEC §3 and §9.
--
-- A file is a commonswiki page (any namespace) that is cl_from of a `file` categorylinks row whose
-- link target names a category page. Rows whose cl_from has no page row are ignored. Files are
-- identified by page id and titled by page_title.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_categorylinks
--     source.mediawiki_page
--     category_link_targets  (temporary view)
--
-- Output (temporary view category_file_links):
--     category_id BIGINT, file_id BIGINT, file_title STRING -- distinct
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view category_file_links,
--     computed once (local checkpoint).
--     By hand (sql/README.md): in one session, create the views graph_categories then
--     category_link_targets, then run this file, with -d month=2024-02.

WITH file_links AS (
    SELECT cl_from, cl_target_id
    FROM source.mediawiki_categorylinks
    WHERE wiki_db = 'commonswiki'
      AND snapshot = '${month}'
      AND cl_type = 'file'
),

commons_pages AS (
    SELECT page_id, page_title
    FROM source.mediawiki_page
    WHERE wiki_db = 'commonswiki'
      AND snapshot = '${month}'
)

SELECT DISTINCT
    target.category_id,
    link.cl_from    AS file_id,
    page.page_title AS file_title
FROM file_links AS link
JOIN category_link_targets AS target
  ON target.lt_id = link.cl_target_id
JOIN commons_pages AS page
  ON page.page_id = link.cl_from
