-- Deep and shallow file membership of every graph category (SPEC §3 "Deep membership").
--
-- Deep(c) is the union, over the primaries P whose tree holds c, of the files directly in a
-- category that c reaches through P's inner edges (c itself included). A pair is shallow when the
-- file is directly in c. This table feeds every deep figure of the metrics and serving stages.
--
-- Parameters:
--   ${month}   the month, YYYY-MM (written as year_month)
-- Inputs:
--   category_reachability (primary_id, from_id, to_id), category_file_links
-- Output (commons.category_file_membership, the month's partition):
--   category_id BIGINT, file_id BIGINT, is_shallow BOOLEAN, year_month STRING
-- Usage:
--   GraphStage writes it next to commons.category_graph.

SELECT
    reach.from_id                      AS category_id,
    link.file_id,
    BOOL_OR(reach.from_id = reach.to_id) AS is_shallow,
    '${month}'                      AS year_month
FROM category_reachability AS reach
JOIN category_file_links AS link
  ON link.category_id = reach.to_id
GROUP BY reach.from_id, link.file_id
