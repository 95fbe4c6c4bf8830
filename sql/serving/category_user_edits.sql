-- Edits of the month per (category, scope, edit type, user): the commons_edits rows of the month
-- (SPEC §5.5) counted for a category
--   * shallow: for every category of the row's `categories` (the file is directly in it);
--   * deep: for every category whose deep set Deep(c) holds the edited file (SPEC §9).
-- User names are taken as they are, so :anonymous: and :redacted: are users like any other. Only
-- combinations with at least one edit have a row.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--     dt_end         -- first instant of the next month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     commons.commons_edits
--     deep_category_files  (temporary view)
--
-- Output (temporary view category_user_edits):
--     category STRING, category_scope STRING, edit_type STRING, user_name STRING,
--     edit_count BIGINT
--
-- Usage:
--     ServingStage registers it as the temporary view category_user_edits, computed once and kept
--     in Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md): in one session, create the view deep_category_files, then run this
--     file, with -d month=2024-02 -d dt='2024-02-01 00:00:00' -d dt_end='2024-03-01 00:00:00'.

WITH month_edits AS (
    SELECT user_name, edit_type, media_file, categories
    FROM commons.commons_edits
    WHERE dt >= TIMESTAMP '${dt}'
      AND dt < TIMESTAMP '${dt_end}'
),

shallow_category_edits AS (
    SELECT
        category,
        'shallow' AS category_scope,
        edit_type,
        user_name
    FROM month_edits
    LATERAL VIEW explode(array_distinct(categories)) edit_categories AS category
),

deep_category_edits AS (
    SELECT
        deep_category_files.category,
        'deep' AS category_scope,
        month_edits.edit_type,
        month_edits.user_name
    FROM month_edits
    JOIN deep_category_files ON deep_category_files.media_file = month_edits.media_file
),

category_edits AS (
    SELECT * FROM shallow_category_edits
    UNION ALL
    SELECT * FROM deep_category_edits
)

SELECT
    category,
    category_scope,
    edit_type,
    user_name,
    COUNT(*) AS edit_count
FROM category_edits
GROUP BY category, category_scope, edit_type, user_name
