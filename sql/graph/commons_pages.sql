-- The commonswiki pages of the month's snapshot: the one read of source.mediawiki_page in the
-- graph stage.
--
-- Two queries need these rows: graph_categories (the category pages, namespace 14) and
-- category_file_links (the titles of the files, any namespace). The graph stage computes this
-- view once and caches it, so the source table is scanned once per run. Redirects are pages too
-- (SPEC §9: page_is_redirect is ignored).
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_page
--
-- Output (temporary view commons_pages):
--     page_id BIGINT, page_namespace INT, page_title STRING -- one row per page
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view commons_pages,
--     cached until the file links are computed.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -f sql/graph/commons_pages.sql

SELECT
    page_id,
    page_namespace,
    page_title
FROM source.mediawiki_page
WHERE wiki_db = 'commonswiki'
  AND snapshot = '${month}'
