-- One step of the closure "category c reaches category x through inner edges of primary P",
-- the basis of deep membership (SPEC §3: Deep(c)).
--
-- From the pairs found at the last step, follow P's inner edges once and keep the pairs not yet
-- known. Starting from (P, c, c) for every c of Tree(P), the steps end when nothing new appears;
-- cycles only repeat known pairs.
--
-- Parameters: none
-- Inputs:
--   reach_frontier (primary_id, from_id, to_id) — pairs found at the last step
--   reach_known    (primary_id, from_id, to_id) — every pair found so far
--   primary_inner_edges
-- Output:
--   primary_id BIGINT, from_id BIGINT, to_id BIGINT — the new pairs, distinct
-- Usage:
--   GraphStage runs it until it returns no row.

SELECT DISTINCT
    frontier.primary_id,
    frontier.from_id,
    edge.child_id AS to_id
FROM reach_frontier AS frontier
JOIN primary_inner_edges AS edge
  ON edge.primary_id = frontier.primary_id
 AND edge.parent_id = frontier.to_id
LEFT ANTI JOIN reach_known AS known
  ON known.primary_id = frontier.primary_id
 AND known.from_id = frontier.from_id
 AND known.to_id = edge.child_id
