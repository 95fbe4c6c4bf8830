-- One level of the breadth-first expansion of every primary's tree (SPEC §3, depth_P).
--
-- From the categories first reached at depth d (the frontier), follow sub-category edges one
-- step and keep the children not yet reached from the same primary. Because every level is
-- expanded before the next, a category is first reached at its shortest-path depth, whatever the
-- cycles; the run stops after max_depth levels or when the frontier is empty.
--
-- Parameters: none
--
-- Inputs:
--     tree_frontier  (temporary view made by CategoryGraphBuilder: primary_id, category_id, depth
--                     -- the rows reached at the last level; the primaries at depth 0 first)
--     tree_reached   (temporary view made by CategoryGraphBuilder: primary_id, category_id
--                     -- everything reached so far)
--     subcategory_edges  (temporary view)
--
-- Output (the next frontier, kept by CategoryGraphBuilder):
--     primary_id BIGINT, category_id BIGINT, depth INT -- distinct
--
-- Usage:
--     CategoryGraphBuilder (graph stage) runs it once per level, at most max_depth times,
--     registering tree_frontier and tree_reached before each run; the union of all levels becomes
--     the temporary view primary_category_trees (primary_id, category_id, depth).
--     By hand: not on its own, as tree_frontier and tree_reached are computed in Java by
--     CategoryGraphBuilder; the graph stage runs it (bin/cim run --stages graph).

SELECT DISTINCT
    frontier.primary_id,
    edge.child_id       AS category_id,
    frontier.depth + 1  AS depth
FROM tree_frontier AS frontier
JOIN subcategory_edges AS edge
  ON edge.parent_id = frontier.category_id
LEFT ANTI JOIN tree_reached AS reached
  ON reached.primary_id = frontier.primary_id
 AND reached.category_id = edge.child_id
