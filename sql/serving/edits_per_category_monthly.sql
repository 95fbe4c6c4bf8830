-- Serving table 5 of SPEC §7, edits_per_category_monthly: edits of the month per (category, scope,
-- edit type), plus an 'all-edit-types' row counting the edits of any type. Shallow counts an edit
-- for the categories the file is directly in, deep for every category whose Deep set holds the
-- file. Only combinations with at least one edit have a row.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     category_edits_with_all_types  (temporary view)
--
-- Output (written to serving.edits_per_category_monthly, replacing the month):
--     category STRING, category_scope STRING, edit_type STRING, dt TIMESTAMP, edit_count BIGINT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.edits_per_category_monthly with the
--     result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views deep_category_files,
--     category_user_edits then category_edits_with_all_types, then run this file, with
--     -d month=2024-02 -d dt='2024-02-01 00:00:00' -d dt_end='2024-03-01 00:00:00'.

SELECT
    category,
    category_scope,
    edit_type,
    TIMESTAMP '${dt}' AS dt,
    edit_count
FROM category_edits_with_all_types
