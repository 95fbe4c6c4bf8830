-- Media files directly in a category: (category, file) pairs of SPEC §3 and §9.
--
-- A file is a commonswiki page (any namespace) that is cl_from of a `file` categorylinks row whose
-- link target names a category page. Rows whose cl_from has no page row are ignored. Files are
-- identified by page id and titled by page_title.
--
-- Parameters:
--   ${month}   month of the MediaWiki snapshot, YYYY-MM
-- Inputs:
--   source.mediawiki_categorylinks, source.mediawiki_page, category_link_targets
-- Output (temp view category_file_links):
--   category_id BIGINT, file_id BIGINT, file_title STRING — distinct
-- Usage:
--   GraphStage registers it as the view `category_file_links`.

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
