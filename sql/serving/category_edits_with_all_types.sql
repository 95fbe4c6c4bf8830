-- Edits of the month per (category, scope, edit type), plus an 'all-edit-types' row per
-- (category, scope) counting the edits of any type: the counts that edits_per_category_monthly
-- publishes and top_edited_categories_monthly ranks. Shallow counts an edit for the categories the
-- file is directly in, deep for every category whose Deep set holds the file (SPEC §3, §9). Only
-- combinations with at least one edit have a row.
--
-- Parameters: none
--
-- Inputs:
--     category_user_edits  (temporary view, category_user_edits.sql)
--
-- Output (temporary view category_edits_with_all_types):
--     category STRING, category_scope STRING, edit_type STRING, edit_count BIGINT
--
-- Usage:
--     ServingStage registers it as the temporary view category_edits_with_all_types.
--     By hand, in one Spark SQL session (sql/README.md): create the views deep_category_files
--     and category_user_edits first, then run this file.

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
)

SELECT * FROM edits_per_type
UNION ALL
SELECT * FROM edits_of_all_types
