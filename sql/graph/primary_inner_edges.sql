-- Inner edges of each primary's tree (SPEC §3): p -> c with p in Tree(P) and depth_P(p) <= D - 1.
--
-- They include edges that close cycles or cross between branches, and edges into the primary
-- itself when a cycle reaches back to it.
--
-- Parameters:
--   ${max_depth}   the depth bound D
-- Inputs:
--   primary_category_trees (primary_id, category_id, depth), subcategory_edges
-- Output (temp view primary_inner_edges):
--   primary_id BIGINT, parent_id BIGINT, child_id BIGINT
-- Usage:
--   GraphStage registers it as the view `primary_inner_edges`.

SELECT
    tree.primary_id,
    edge.parent_id,
    edge.child_id
FROM primary_category_trees AS tree
JOIN subcategory_edges AS edge
  ON edge.parent_id = tree.category_id
WHERE tree.depth <= ${max_depth} - 1
