-- Media files of the month's graph, with the titles of their categories and primaries.
--
-- Parameters:
--   ${month}   the month, YYYY-MM
-- Inputs:
--   commons.category_graph (written by the graph stage)
-- Output (temp view graph_files):
--   file_id BIGINT, media_file STRING, categories ARRAY<STRING>, primary_categories ARRAY<STRING>
-- Usage:
--   MetricsStage registers it as the view `graph_files`.

SELECT
    page_id            AS file_id,
    page_title         AS media_file,
    parent_categories  AS categories,
    primary_categories
FROM commons.category_graph
WHERE year_month = '${month}'
  AND page_type = 'file'
