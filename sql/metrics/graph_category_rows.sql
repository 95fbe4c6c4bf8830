-- Categories of the month's graph, with the titles of their parents and primaries.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--
-- Inputs:
--     commons.category_graph  (written by the graph stage)
--
-- Output (temporary view graph_category_rows):
--     category_id BIGINT, category STRING, parent_categories ARRAY<STRING>,
--     primary_categories ARRAY<STRING>
--
-- Usage:
--     MetricsStage registers it as the temporary view graph_category_rows, a plain view computed
--     where it is read.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -f sql/metrics/graph_category_rows.sql

SELECT
    page_id     AS category_id,
    page_title  AS category,
    parent_categories,
    primary_categories
FROM commons.category_graph
WHERE year_month = '${month}'
  AND page_type = 'category'
