-- Serving table 11 of SPEC §7, top_viewed_categories_monthly: the most viewed categories per
-- (scope, wiki), 'all-wikis' being one of the wikis (a category's all-wikis count is the sum of its
-- per-wiki counts, as in pageviews_per_category_monthly).
--
-- A list holds exactly the first ${top_n} categories by pageview_count descending, ties broken by
-- category ascending (by code point), so a tie that straddles the last place is cut. rank is
-- RANK() over pageview_count, computed on the kept categories (every category ranked above a kept
-- one is kept too). ROW_NUMBER() with a `<= ${top_n}` filter lets Spark cut each (scope, wiki)
-- group before the shuffle (WindowGroupLimit), so the few, very large groups are never collected.
--
-- Parameters:
--     year           -- year of the month, e.g. 2024
--     month_number   -- month of the year, 1 to 12
--     top_n          -- list length, 100
--
-- Inputs:
--     category_pageviews_with_all_wikis  (temporary view)
--
-- Output (written to serving.top_viewed_categories_monthly, replacing the month):
--     category_scope STRING, wiki STRING, year INT, month INT,
--     category STRING, pageview_count BIGINT, rank INT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.top_viewed_categories_monthly with the
--     result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views category_wiki_pageviews then
--     category_pageviews_with_all_wikis, then run this file, with -d month=2024-02 -d year=2024
--     -d month_number=2 -d top_n=100.

WITH ordered_categories AS (
    SELECT
        *,
        ROW_NUMBER() OVER (
            PARTITION BY category_scope, wiki
            ORDER BY pageview_count DESC, category
        ) AS list_position
    FROM category_pageviews_with_all_wikis
),

top_categories AS (
    SELECT *
    FROM ordered_categories
    WHERE list_position <= ${top_n}
)

SELECT
    category_scope,
    wiki,
    ${year} AS year,
    ${month_number} AS month,
    category,
    pageview_count,
    RANK() OVER (
        PARTITION BY category_scope, wiki
        ORDER BY pageview_count DESC
    ) AS rank
FROM top_categories
