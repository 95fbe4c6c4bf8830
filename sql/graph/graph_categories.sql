-- Commons categories of the month: the set C of SPEC §3.
--
-- Every commonswiki page in namespace 14 at the month's snapshot. Redirects are pages too
-- (SPEC §9: page_is_redirect is ignored).
--
-- Parameters: none
--
-- Inputs:
--     commons_pages  (temporary view)
--
-- Output (temporary view graph_categories):
--     category_id BIGINT, category_title STRING -- one row per category page
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view graph_categories,
--     computed once (local checkpoint).
--     By hand (sql/README.md): in one session, create the view commons_pages, then run this
--     file.

SELECT
    page_id    AS category_id,
    page_title AS category_title
FROM commons_pages
WHERE page_namespace = 14
