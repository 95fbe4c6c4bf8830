-- Category titles held by more than one commonswiki category page.
--
-- Such a month makes the graph ambiguous (SPEC §9): the graph stage stops with an error naming
-- the titles this query returns.
--
-- Parameters: none
--
-- Inputs:
--     graph_categories  (temporary view)
--
-- Output (returned to CategoryGraphBuilder, not stored):
--     category_title STRING, pages BIGINT -- at most 10 titles, sorted
--
-- Usage:
--     CategoryGraphBuilder (graph stage) runs it right after registering graph_categories; any row
--     stops the stage with an error naming the titles.
--     By hand (sql/README.md): in one session, create the views commons_pages then graph_categories,
--     then run this file, with -d month=2024-02.

SELECT
    category_title,
    COUNT(*) AS pages
FROM graph_categories
GROUP BY category_title
HAVING COUNT(*) > 1
ORDER BY category_title
LIMIT 10
