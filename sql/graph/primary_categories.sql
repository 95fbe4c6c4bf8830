-- Primary categories found this month: allow-listed titles that are category pages.
--
-- Parameters: none
--
-- Inputs:
--     allow_list  (temporary view made by CategoryGraphBuilder from the allow-list: title STRING)
--     graph_categories  (temporary view)
--
-- Output (temporary view primary_categories):
--     primary_id BIGINT, primary_title STRING
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view primary_categories,
--     computed once (local checkpoint), after registering allow_list.
--     By hand (sql/README.md): in one session, create the views commons_pages then graph_categories, then allow_list
--     (CREATE TEMPORARY VIEW allow_list AS SELECT * FROM VALUES ('A_title'), ('B') AS t(title)),
--     then run this file, with -d month=2024-02.

SELECT
    c.category_id    AS primary_id,
    c.category_title AS primary_title
FROM graph_categories AS c
JOIN allow_list AS a
  ON a.title = c.category_title
