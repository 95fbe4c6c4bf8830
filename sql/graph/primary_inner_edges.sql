-- Inner edges of each primary's tree (SPEC §3): p -> c with p in Tree(P) and depth_P(p) <= D - 1.
--
-- They include edges that close cycles or cross between branches, and edges into the primary
-- itself when a cycle reaches back to it.
--
-- Parameters:
--     max_depth      -- the depth bound D of SPEC §3 (--max-depth, 7 by default)
--
-- Inputs:
--     primary_category_trees  (temporary view made by CategoryGraphBuilder from the levels of
--                              primary_tree_expansion.sql: primary_id, category_id, depth)
--     subcategory_edges  (temporary view)
--
-- Output (temporary view primary_inner_edges):
--     primary_id BIGINT, parent_id BIGINT, child_id BIGINT
--
-- Usage:
--     CategoryGraphBuilder (graph stage) registers it as the temporary view primary_inner_edges,
--     computed once (local checkpoint), after the trees.
--     By hand: not on its own, as primary_category_trees is computed in Java by
--     CategoryGraphBuilder; the graph stage runs it (bin/cim run --stages graph).

SELECT
    tree.primary_id,
    edge.parent_id,
    edge.child_id
FROM primary_category_trees AS tree
JOIN subcategory_edges AS edge
  ON edge.parent_id = tree.category_id
WHERE tree.depth <= ${max_depth} - 1
