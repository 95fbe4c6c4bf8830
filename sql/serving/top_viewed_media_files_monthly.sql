-- Serving table 12 of SPEC §7, top_viewed_media_files_monthly: the most viewed media files of each
-- (category, scope), per wiki and over 'all-wikis'. Candidates are the files directly in the
-- category (shallow) or the files of Deep(category) (deep); a file's count on a wiki is its own
-- pageviews_per_media_file_monthly count there (all-wikis: its total), and only files with a count
-- > 0 on that wiki compete (SPEC §9).
--
-- A list holds exactly the first ${top_n} files by pageview_count descending, ties broken by
-- media_file ascending (by code point), so a tie that straddles the last place is cut. rank is
-- RANK() over pageview_count, computed on the kept files (every file ranked above a kept one is
-- kept too). ROW_NUMBER() with a `<= ${top_n}` filter lets Spark cut each group before the
-- shuffle (WindowGroupLimit).
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--     year           -- year of the month, e.g. 2024
--     month_number   -- month of the year, 1 to 12
--     top_n          -- list length, 100
--
-- Inputs:
--     commons.commons_media_file_metrics_snapshot  (a file's categories: the shallow sets)
--     deep_category_files  (temporary view)
--     media_file_pageviews_with_all_wikis  (temporary view)
--
-- Output (written to serving.top_viewed_media_files_monthly, replacing the month):
--     category STRING, category_scope STRING, wiki STRING, year INT, month INT,
--     media_file STRING, pageview_count BIGINT, rank INT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.top_viewed_media_files_monthly with
--     the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views deep_category_files,
--     media_file_wiki_pageviews then media_file_pageviews_with_all_wikis, then run this file, with
--     -d month=2024-02 -d dt='2024-02-01 00:00:00' -d dt_end='2024-03-01 00:00:00' -d year=2024
--     -d month_number=2 -d top_n=100.

WITH shallow_category_files AS (
    SELECT DISTINCT
        category,
        'shallow' AS category_scope,
        media_file
    FROM commons.commons_media_file_metrics_snapshot
    LATERAL VIEW explode(categories) file_categories AS category
    WHERE year_month = '${month}'
),

scoped_category_files AS (
    SELECT category, category_scope, media_file FROM shallow_category_files
    UNION ALL
    SELECT category, 'deep' AS category_scope, media_file FROM deep_category_files
),

candidate_files AS (
    SELECT
        scoped_category_files.category,
        scoped_category_files.category_scope,
        file_pageviews.wiki,
        scoped_category_files.media_file,
        file_pageviews.pageview_count
    FROM scoped_category_files
    JOIN media_file_pageviews_with_all_wikis AS file_pageviews
      ON file_pageviews.media_file = scoped_category_files.media_file
),

ordered_files AS (
    SELECT
        *,
        ROW_NUMBER() OVER (
            PARTITION BY category, category_scope, wiki
            ORDER BY pageview_count DESC, media_file
        ) AS list_position
    FROM candidate_files
),

top_files AS (
    SELECT *
    FROM ordered_files
    WHERE list_position <= ${top_n}
)

SELECT
    category,
    category_scope,
    wiki,
    ${year} AS year,
    ${month_number} AS month,
    media_file,
    pageview_count,
    RANK() OVER (
        PARTITION BY category, category_scope, wiki
        ORDER BY pageview_count DESC
    ) AS rank
FROM top_files
