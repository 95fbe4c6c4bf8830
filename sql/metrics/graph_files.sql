-- Media files of the month's graph, with the titles of their categories and primaries.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--
-- Inputs:
--     commons.category_graph  (written by the graph stage)
--
-- Output (temporary view graph_files):
--     file_id BIGINT, media_file STRING, categories ARRAY<STRING>, primary_categories ARRAY<STRING>
--
-- Usage:
--     MetricsStage registers it as the temporary view graph_files, kept in Spark's cache (persist
--     MEMORY_AND_DISK, computed once, by the first query that reads it) as four queries read it.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -f sql/metrics/graph_files.sql

SELECT
    page_id            AS file_id,
    page_title         AS media_file,
    parent_categories  AS categories,
    primary_categories
FROM commons.category_graph
WHERE year_month = '${month}'
  AND page_type = 'file'
