-- Serving table 14 of SPEC §7, top_editors_monthly: the users who edited the files of each
-- (category, scope) most, per edit type and over 'all-edit-types'. :anonymous: and :redacted: are
-- users like any other.
--
-- A list holds exactly the first ${top_n} users by edit_count descending, ties broken by user_name
-- ascending (by code point), so a tie that straddles the last place is cut. rank is RANK() over
-- edit_count, computed on the kept users (every user ranked above a kept one is kept too).
-- ROW_NUMBER() with a `<= ${top_n}` filter lets Spark cut each group before the shuffle
-- (WindowGroupLimit).
--
-- Parameters:
--     year           -- year of the month, e.g. 2024
--     month_number   -- month of the year, 1 to 12
--     top_n          -- list length, 100
--
-- Inputs:
--     category_user_edits  (temporary view)
--
-- Output (written to serving.top_editors_monthly, replacing the month):
--     category STRING, category_scope STRING, edit_type STRING, year INT, month INT,
--     user_name STRING, edit_count BIGINT, rank INT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.top_editors_monthly with the result,
--     in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views deep_category_files then
--     category_user_edits, then run this file, with -d month=2024-02 -d dt='2024-02-01 00:00:00'
--     -d dt_end='2024-03-01 00:00:00' -d year=2024 -d month_number=2 -d top_n=100.

WITH user_edits_of_all_types AS (
    SELECT
        category,
        category_scope,
        'all-edit-types' AS edit_type,
        user_name,
        CAST(SUM(edit_count) AS BIGINT) AS edit_count
    FROM category_user_edits
    GROUP BY category, category_scope, user_name
),

candidate_users AS (
    SELECT category, category_scope, edit_type, user_name, edit_count FROM category_user_edits
    UNION ALL
    SELECT category, category_scope, edit_type, user_name, edit_count FROM user_edits_of_all_types
),

ordered_users AS (
    SELECT
        *,
        ROW_NUMBER() OVER (
            PARTITION BY category, category_scope, edit_type
            ORDER BY edit_count DESC, user_name
        ) AS list_position
    FROM candidate_users
),

top_users AS (
    SELECT *
    FROM ordered_users
    WHERE list_position <= ${top_n}
)

SELECT
    category,
    category_scope,
    edit_type,
    ${year} AS year,
    ${month_number} AS month,
    user_name,
    edit_count,
    RANK() OVER (
        PARTITION BY category, category_scope, edit_type
        ORDER BY edit_count DESC
    ) AS rank
FROM top_users
