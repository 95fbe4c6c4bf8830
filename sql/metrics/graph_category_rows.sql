-- Categories of the month's graph, with the titles of their parents and primaries.
--
-- Parameters:
--   ${month}   the month, YYYY-MM
-- Inputs:
--   commons.category_graph (written by the graph stage)
-- Output (temp view graph_category_rows):
--   category_id BIGINT, category STRING, parent_categories ARRAY<STRING>,
--   primary_categories ARRAY<STRING>
-- Usage:
--   MetricsStage registers it as the view `graph_category_rows`.

SELECT
    page_id     AS category_id,
    page_title  AS category,
    parent_categories,
    primary_categories
FROM commons.category_graph
WHERE year_month = '${month}'
  AND page_type = 'category'
