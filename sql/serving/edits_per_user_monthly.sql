-- Serving table 6 of SPEC §7, edits_per_user_monthly: edits of graph media files in the month per
-- (user, edit type), plus an 'all-edit-types' row counting the user's edits of any type.
-- :anonymous: and :redacted: are counted as users. Only users with at least one edit have rows.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--     dt_end         -- first instant of the next month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     commons.commons_edits
--
-- Output (written to serving.edits_per_user_monthly, replacing the month):
--     user_name STRING, edit_type STRING, dt TIMESTAMP, edit_count BIGINT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.edits_per_user_monthly with the
--     result, in one Iceberg commit.
--     By hand (sql/README.md):
--         spark-sql ... -d dt='2024-02-01 00:00:00' -d dt_end='2024-03-01 00:00:00' \
--             -f sql/serving/edits_per_user_monthly.sql

WITH month_edits AS (
    SELECT user_name, edit_type
    FROM commons.commons_edits
    WHERE dt >= TIMESTAMP '${dt}'
      AND dt < TIMESTAMP '${dt_end}'
),

edits_per_type AS (
    SELECT user_name, edit_type, COUNT(*) AS edit_count
    FROM month_edits
    GROUP BY user_name, edit_type
),

edits_of_all_types AS (
    SELECT user_name, 'all-edit-types' AS edit_type, COUNT(*) AS edit_count
    FROM month_edits
    GROUP BY user_name
),

user_edit_counts AS (
    SELECT * FROM edits_per_type
    UNION ALL
    SELECT * FROM edits_of_all_types
)

SELECT
    user_name,
    edit_type,
    TIMESTAMP '${dt}' AS dt,
    edit_count
FROM user_edit_counts
