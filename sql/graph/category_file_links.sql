-- Media files directly in a category of the graph: (category, file) pairs of SPEC §3 and §9.
--
-- A file is a commonswiki page (any namespace) that is cl_from of a counted `file` categorylinks
-- row, i.e. one whose link target names a category page. Rows whose cl_from has no page row are
-- ignored. Files are identified by page id and titled by page_title. Only categories of some
-- primary's tree are kept (every reader joins with the trees), so the page join reads the links
-- of the graph, not of all of Commons.
--
-- Parameters: none
--
-- Inputs:
--     counted_category_links  (temporary view)
--     commons_pages  (temporary view)
--     primary_category_trees  (temporary view made by CategoryGraphBuilder: primary_id,
--                              category_id, depth)
--
-- Output (temporary view category_file_links):
--     category_id BIGINT, file_id BIGINT, file_title STRING -- distinct
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view category_file_links,
--     computed once (local checkpoint), after the trees.
--     By hand: not on its own, as primary_category_trees is computed in Java by
--     CategoryGraphBuilder; the graph stage runs it (bin/cim run --stages graph).

SELECT DISTINCT
    link.category_id,
    link.cl_from    AS file_id,
    page.page_title AS file_title
FROM counted_category_links AS link
JOIN commons_pages AS page
  ON page.page_id = link.cl_from
WHERE link.cl_type = 'file'
  AND link.category_id IN (SELECT category_id FROM primary_category_trees)
