-- One level of the breadth-first expansion of every primary's tree (SPEC §3, depth_P).
--
-- From the categories first reached at depth d (the frontier), follow sub-category edges one
-- step and keep the children not yet reached from the same primary. Because every level is
-- expanded before the next, a category is first reached at its shortest-path depth, whatever the
-- cycles; the run stops after max_depth levels or when the frontier is empty.
--
-- Parameters: none (the depth travels in the rows)
-- Inputs:
--   tree_frontier (primary_id, category_id, depth) — rows reached at the last level
--   tree_reached  (primary_id, category_id)        — everything reached so far
--   subcategory_edges
-- Output:
--   primary_id BIGINT, category_id BIGINT, depth INT — the next frontier, distinct
-- Usage:
--   GraphStage runs it once per level, at most max_depth times.

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
