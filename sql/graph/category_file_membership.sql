-- Deep and shallow file membership of every graph category (SPEC §3 "Deep membership").
--
-- Deep(c) is the union, over the primaries P whose tree holds c, of the files directly in a
-- category that c reaches through P's inner edges (c itself included). A pair is shallow when the
-- file is directly in c. This table feeds every deep figure of the metrics and serving stages.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (written as year_month)
--
-- Inputs:
--     category_reachability  (temporary view)
--     category_file_links  (temporary view)
--
-- Output (written to commons.category_file_membership, replacing the month):
--     category_id BIGINT, file_id BIGINT, is_shallow BOOLEAN, year_month STRING
--
-- Usage:
--     CategoryGraphBuilder.categoryFileMembership() runs it once the views exist; GraphStage writes
--     the result to commons.category_file_membership, replacing the month in one Iceberg commit.
--     By hand: not on its own, as category_reachability reads views that are computed in Java by
--     CategoryGraphBuilder; the graph stage runs it (bin/cim run --stages graph).

SELECT
    reach.from_id                      AS category_id,
    link.file_id,
    BOOL_OR(reach.from_id = reach.to_id) AS is_shallow,
    '${month}'                         AS year_month
FROM category_reachability AS reach
JOIN category_file_links AS link
  ON link.category_id = reach.to_id
GROUP BY reach.from_id, link.file_id
