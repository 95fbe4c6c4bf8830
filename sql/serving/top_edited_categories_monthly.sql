-- Serving table 13 of SPEC §7, top_edited_categories_monthly: the most edited categories per
-- (scope, edit type), 'all-edit-types' being one of the edit types. Counts are those of
-- edits_per_category_monthly: shallow counts an edit for the categories the file is directly in,
-- deep for every category whose Deep set holds the file.
--
-- A list holds exactly the first ${top_n} categories by edit_count descending, ties broken by
-- category ascending (by code point), so a tie that straddles the last place is cut. rank is
-- RANK() over edit_count, computed on the kept categories (every category ranked above a kept one
-- is kept too). ROW_NUMBER() with a `<= ${top_n}` filter lets Spark cut each group before the
-- shuffle (WindowGroupLimit).
--
-- Parameters:
--     year           -- year of the month, e.g. 2024
--     month_number   -- month of the year, 1 to 12
--     top_n          -- list length, 100
--
-- Inputs:
--     category_edits_with_all_types  (temporary view)
--
-- Output (written to serving.top_edited_categories_monthly, replacing the month):
--     category_scope STRING, edit_type STRING, year INT, month INT,
--     category STRING, edit_count BIGINT, rank INT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.top_edited_categories_monthly with the
--     result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views deep_category_files,
--     category_user_edits then category_edits_with_all_types, then run this file, with
--     -d month=2024-02 -d dt='2024-02-01 00:00:00' -d dt_end='2024-03-01 00:00:00' -d year=2024
--     -d month_number=2 -d top_n=100.

WITH ordered_categories AS (
    SELECT
        *,
        ROW_NUMBER() OVER (
            PARTITION BY category_scope, edit_type
            ORDER BY edit_count DESC, category
        ) AS list_position
    FROM category_edits_with_all_types
),

top_categories AS (
    SELECT *
    FROM ordered_categories
    WHERE list_position <= ${top_n}
)

SELECT
    category_scope,
    edit_type,
    ${year} AS year,
    ${month_number} AS month,
    category,
    edit_count,
    RANK() OVER (
        PARTITION BY category_scope, edit_type
        ORDER BY edit_count DESC
    ) AS rank
FROM top_categories
