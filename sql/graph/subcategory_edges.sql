-- Sub-category edges p -> c: the set E of SPEC §3.
--
-- One edge per counted `subcat` categorylinks row whose cl_from is a category page c, its link
-- target naming the category page p. Self-loops are dropped; duplicate rows collapse.
--
-- Parameters: none
--
-- Inputs:
--     counted_category_links  (temporary view)
--     graph_categories  (temporary view)
--
-- Output (collected by CategoryGraphBuilder into a SubcategoryGraph):
--     parent_id BIGINT, child_id BIGINT -- distinct
--
-- Usage:
--     CategoryGraphBuilder (graph stage) collects the rows onto the driver as primitive arrays
--     (SubcategoryGraph), where every primary's tree is searched in memory.
--     By hand (sql/README.md): in one session, create the views commons_pages, graph_categories,
--     category_link_targets then counted_category_links, then run this file, with
--     -d month=2024-02.

SELECT DISTINCT
    link.category_id AS parent_id,
    link.cl_from     AS child_id
FROM counted_category_links AS link
JOIN graph_categories AS child
  ON child.category_id = link.cl_from
WHERE link.cl_type = 'subcat'
  AND link.category_id <> link.cl_from
