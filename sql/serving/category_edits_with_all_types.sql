-- Edits of the month per (category, scope, edit type), plus an 'all-edit-types' row per
-- (category, scope) counting the edits of any type: the counts that edits_per_category_monthly
-- publishes and top_edited_categories_monthly ranks. Shallow counts an edit for the categories the
-- file is directly in, deep for every category whose Deep set holds the file (SPEC §3, §9). Only
-- combinations with at least one edit have a row.
--
-- Parameters: none
--
-- Inputs:
--     category_user_edits  (temporary view)
--
-- Output (temporary view category_edits_with_all_types):
--     category STRING, category_scope STRING, edit_type STRING, edit_count BIGINT
--
-- Usage:
--     ServingStage registers it as the temporary view category_edits_with_all_types, computed once
--     and kept in Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md): in one session, create the views deep_category_files then
--     category_user_edits, then run this file, with -d month=2024-02 -d dt='2024-02-01 00:00:00'
--     -d dt_end='2024-03-01 00:00:00'.

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
