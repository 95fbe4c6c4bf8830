-- Every pair "category c reaches category x through inner edges of primary P", c = x included:
-- the basis of deep membership (SPEC §3: Deep(c) = files directly in the categories c reaches).
--
-- Every category of Tree(P) reaches itself; the other pairs come from PrimaryReachability, which
-- closes each primary's inner edges in one task (the graph algorithm lives in Java).
--
-- Parameters: none
-- Inputs:
--   primary_category_trees  (primary_id, category_id, depth)
--   primary_reachable_pairs (primary_id, from_id, to_id) — from_id <> to_id, distinct
-- Output:
--   primary_id BIGINT, from_id BIGINT, to_id BIGINT — distinct
-- Usage:
--   CategoryGraphBuilder registers it as the view category_reachability, read by
--   category_file_membership.sql.

SELECT
    tree.primary_id,
    tree.category_id AS from_id,
    tree.category_id AS to_id
FROM primary_category_trees AS tree

UNION ALL

SELECT
    pairs.primary_id,
    pairs.from_id,
    pairs.to_id
FROM primary_reachable_pairs AS pairs
