-- Every pair "category c reaches category x through inner edges of some primary P whose tree holds
-- c", c = x included: the basis of deep membership (SPEC §3: Deep(c) = the union over such P of the
-- files directly in the categories c reaches). Pairs found under several primaries are kept once,
-- so that the join with the file links that follows is not repeated per primary.
--
-- Every category of Tree(P) reaches itself; the other pairs come from PrimaryGraphRows, which
-- searches each primary's inner edges in memory (the graph algorithm lives in Java).
--
-- Parameters: none
--
-- Inputs:
--     primary_category_trees   (temporary view made by CategoryGraphBuilder: primary_id,
--                               category_id, depth)
--     primary_reachable_pairs  (temporary view made by CategoryGraphBuilder from
--                               PrimaryGraphRows; primary_id, from_id, to_id;
--                               from_id <> to_id, distinct)
--
-- Output (temporary view category_reachability):
--     from_id BIGINT, to_id BIGINT -- distinct
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view category_reachability,
--     read by category_file_membership.sql.
--     By hand: not on its own, as primary_category_trees and primary_reachable_pairs are computed
--     in Java by CategoryGraphBuilder; the graph stage runs it (bin/cim run --stages graph).

WITH pairs_per_primary AS (
    SELECT
        tree.category_id AS from_id,
        tree.category_id AS to_id
    FROM primary_category_trees AS tree

    UNION ALL

    SELECT
        pairs.from_id,
        pairs.to_id
    FROM primary_reachable_pairs AS pairs
)

SELECT DISTINCT
    from_id,
    to_id
FROM pairs_per_primary
