-- Serving table 5 of SPEC §7, edits_per_category_monthly: edits of the month per (category, scope,
-- edit type), plus an 'all-edit-types' row counting the edits of any type. Shallow counts an edit
-- for the categories the file is directly in, deep for every category whose Deep set holds the
-- file. Only combinations with at least one edit have a row.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     category_user_edits  (temporary view, see category_user_edits.sql)
--
-- Output (written to serving.edits_per_category_monthly by ServingStage):
--     category STRING, category_scope STRING, edit_type STRING, dt TIMESTAMP, edit_count BIGINT
--
-- Usage:
--     spark3-sql -f edits_per_category_monthly.sql -d dt='2024-02-01 00:00:00'

WITH edits_per_type AS (
    SELECT
        category,
        category_scope,
        edit_type,
        CAST(SUM(edit_count) AS BIGINT) AS edit_count
    FROM category_user_edits
    GROUP BY category, category_scope, edit_type
),

edits_of_all_types AS (
    SELECT
        category,
        category_scope,
        'all-edit-types' AS edit_type,
        CAST(SUM(edit_count) AS BIGINT) AS edit_count
    FROM category_user_edits
    GROUP BY category, category_scope
),

category_edit_counts AS (
    SELECT * FROM edits_per_type
    UNION ALL
    SELECT * FROM edits_of_all_types
)

SELECT
    category,
    category_scope,
    edit_type,
    TIMESTAMP '${dt}' AS dt,
    edit_count
FROM category_edit_counts
