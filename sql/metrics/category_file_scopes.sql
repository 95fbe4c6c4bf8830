-- The file set of each graph category in each scope: `shallow` = files directly in the category,
-- `deep` = Deep(c) of SPEC §3.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--
-- Inputs:
--     commons.category_file_membership  (written by the graph stage)
--
-- Output (temporary view category_file_scopes):
--     category_id BIGINT, category_scope STRING, file_id BIGINT
--
-- Usage:
--     MetricsStage registers it as the temporary view category_file_scopes, a plain view computed
--     where it is read.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -f sql/metrics/category_file_scopes.sql

SELECT category_id, 'shallow' AS category_scope, file_id
FROM commons.category_file_membership
WHERE year_month = '${month}'
  AND is_shallow

UNION ALL

SELECT category_id, 'deep' AS category_scope, file_id
FROM commons.category_file_membership
WHERE year_month = '${month}'
