-- Primary categories found this month: allow-listed titles that are category pages.
--
-- Parameters: none
-- Inputs:
--   allow_list (temp view of the normalized allow-list: title STRING), graph_categories
-- Output (temp view primary_categories):
--   primary_id BIGINT, primary_title STRING
-- Usage:
--   GraphStage registers it as the view `primary_categories`.

SELECT
    c.category_id    AS primary_id,
    c.category_title AS primary_title
FROM graph_categories AS c
JOIN allow_list AS a
  ON a.title = c.category_title
