-- The category graph of the month (SPEC §3): one row per graph category and per graph file.
--
-- Categories: every c in some Tree(P), with depth = min over P of depth_P(c), its parents along
-- inner edges and the primaries whose tree holds it. Files: every file directly in a graph
-- category, with depth = 1 + the smallest depth of those categories. Arrays hold titles sorted by
-- code point (Spark's string order).
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (written as year_month)
--
-- Inputs:
--     primary_category_trees  (temporary view made by CategoryGraphBuilder)
--     primary_categories  (temporary view)
--     primary_inner_edges  (temporary view made by CategoryGraphBuilder from PrimaryGraphRows:
--                           primary_id, parent_id, child_id)
--     graph_categories  (temporary view)
--     category_file_links  (temporary view)
--
-- Output (written to commons.category_graph, replacing the month):
--     page_id, page_title, page_type, is_primary, depth, parent_categories, primary_categories,
--     year_month
--
-- Usage:
--     CategoryGraphBuilder.categoryGraph() runs it once the views exist; GraphStage writes the
--     result to commons.category_graph, replacing the month in one Iceberg commit.
--     By hand: not on its own, as primary_category_trees and primary_inner_edges are computed in
--     Java by CategoryGraphBuilder; the graph stage runs it (bin/cim run --stages graph).

WITH category_trees AS (
    SELECT
        tree.category_id,
        MIN(tree.depth)                              AS depth,
        ARRAY_SORT(COLLECT_SET(prim.primary_title))  AS primary_titles
    FROM primary_category_trees AS tree
    JOIN primary_categories AS prim
      ON prim.primary_id = tree.primary_id
    GROUP BY tree.category_id
),

category_parents AS (
    SELECT
        edge.child_id                                AS category_id,
        ARRAY_SORT(COLLECT_SET(parent.category_title)) AS parent_titles
    FROM primary_inner_edges AS edge
    JOIN graph_categories AS parent
      ON parent.category_id = edge.parent_id
    GROUP BY edge.child_id
),

category_rows AS (
    SELECT
        tree.category_id                             AS page_id,
        cat.category_title                           AS page_title,
        'category'                                   AS page_type,
        prim.primary_id IS NOT NULL                  AS is_primary,
        tree.depth,
        COALESCE(parents.parent_titles, CAST(ARRAY() AS ARRAY<STRING>)) AS parent_categories,
        tree.primary_titles                          AS primary_categories
    FROM category_trees AS tree
    JOIN graph_categories AS cat
      ON cat.category_id = tree.category_id
    LEFT JOIN category_parents AS parents
      ON parents.category_id = tree.category_id
    LEFT JOIN primary_categories AS prim
      ON prim.primary_id = tree.category_id
),

file_rows AS (
    -- One pass over (file, primary, category) rows: the file's depth is 1 + the smallest
    -- depth_P(c) over them, which is 1 + the smallest depth(c) of its parent categories.
    SELECT
        link.file_id                                 AS page_id,
        FIRST(link.file_title)                       AS page_title,
        'file'                                       AS page_type,
        FALSE                                        AS is_primary,
        1 + MIN(tree.depth)                          AS depth,
        ARRAY_SORT(COLLECT_SET(cat.category_title))  AS parent_categories,
        ARRAY_SORT(COLLECT_SET(prim.primary_title))  AS primary_categories
    FROM category_file_links AS link
    JOIN primary_category_trees AS tree
      ON tree.category_id = link.category_id
    JOIN primary_categories AS prim
      ON prim.primary_id = tree.primary_id
    JOIN graph_categories AS cat
      ON cat.category_id = link.category_id
    GROUP BY link.file_id
)

SELECT *, '${month}' AS year_month FROM category_rows
UNION ALL
SELECT *, '${month}' AS year_month FROM file_rows
