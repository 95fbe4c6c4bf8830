-- Deep membership of the month by title, for the files edited or viewed in the month: one row per
-- (category, media file) with the file in Deep(category) of SPEC §3, i.e. the files of the
-- category's own sub-tree, cut at the depth bound of each primary tree the category belongs to.
-- Shallow members are included (every file directly in a graph category is in its deep set).
-- Only files with an edit in the month (commons_edits) or a viewed page (pageviews per media file)
-- have rows: the deep edits and the deep top files join this relation with exactly those files,
-- so the others would be carried through the de-duplication below for nothing.
--
-- The base tables of SPEC §5 do not carry this relation: Deep(c) depends on per-primary depths
-- (an edge out of a category at the depth bound is not an inner edge of that primary), which only
-- the graph stage knows. It writes the relation by page id to commons.category_file_membership;
-- titles come from commons.category_graph. Several file pages sharing one title collapse to one
-- row, as the base tables name files by title.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--     dt_end         -- first instant of the next month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     commons.category_file_membership  (category_id, file_id, is_shallow, year_month)
--     commons.category_graph  (page_id, page_title, page_type, ..., year_month)
--     commons.commons_edits, commons.commons_pageviews_per_media_file_monthly  (which files)
--
-- Output (temporary view deep_category_files):
--     category STRING, media_file STRING
--
-- Usage:
--     ServingStage registers it as the temporary view deep_category_files, computed once and kept
--     in Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -d dt='2024-02-01 00:00:00' \
--             -d dt_end='2024-03-01 00:00:00' -f sql/serving/deep_category_files.sql

WITH month_membership AS (
    SELECT category_id, file_id
    FROM commons.category_file_membership
    WHERE year_month = '${month}'
),

graph_categories AS (
    SELECT page_id, page_title
    FROM commons.category_graph
    WHERE year_month = '${month}'
      AND page_type = 'category'
),

month_active_files AS (
    SELECT media_file
    FROM commons.commons_edits
    WHERE dt >= TIMESTAMP '${dt}'
      AND dt < TIMESTAMP '${dt_end}'
    UNION
    SELECT media_file
    FROM commons.commons_pageviews_per_media_file_monthly
    WHERE year_month = '${month}'
),

graph_files AS (
    SELECT page_id, page_title
    FROM commons.category_graph
    WHERE year_month = '${month}'
      AND page_type = 'file'
),

active_graph_files AS (
    SELECT page_id, page_title
    FROM graph_files
    LEFT SEMI JOIN month_active_files ON month_active_files.media_file = graph_files.page_title
)

SELECT DISTINCT
    graph_categories.page_title AS category,
    active_graph_files.page_title AS media_file
FROM month_membership
JOIN graph_categories ON graph_categories.page_id = month_membership.category_id
JOIN active_graph_files ON active_graph_files.page_id = month_membership.file_id
