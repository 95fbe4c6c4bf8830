-- Category titles held by more than one commonswiki category page.
--
-- Such a month makes the graph ambiguous (SPEC §9): the graph stage stops with an error naming
-- the titles this query returns.
--
-- Parameters: none
-- Inputs:
--   graph_categories (graph_categories.sql)
-- Output:
--   category_title STRING, pages BIGINT — at most 10 titles, sorted
-- Usage:
--   GraphStage runs it before building the graph.

SELECT
    category_title,
    COUNT(*) AS pages
FROM graph_categories
GROUP BY category_title
HAVING COUNT(*) > 1
ORDER BY category_title
LIMIT 10
