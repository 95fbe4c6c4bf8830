-- Revisions of graph files whose rev_timestamp is not 14 digits forming a valid UTC date and
-- time (yyyyMMddHHmmss). Any such row stops the metrics stage (SPEC §9).
--
-- Parameters: none
--
-- Inputs:
--     graph_file_revisions  (temporary view)
--
-- Output (returned to MetricsStage, not stored):
--     rev_id BIGINT, rev_timestamp STRING -- at most 5 examples
--
-- Usage:
--     MetricsStage runs it before writing any table; any row stops the stage with an error listing
--     the examples.
--     By hand (sql/README.md): in one session, create the views graph_files then
--     graph_file_revisions, then run this file, with -d month=2024-02.

SELECT rev_id, rev_timestamp
FROM graph_file_revisions
WHERE rev_timestamp IS NULL
   OR NOT rev_timestamp RLIKE '^[0-9]{14}$'
   OR TO_TIMESTAMP(rev_timestamp, 'yyyyMMddHHmmss') IS NULL
ORDER BY rev_id
LIMIT 5
