-- Serving table 8 of SPEC §7, top_pages_per_media_file_monthly: the most viewed wiki pages
-- showing each media file, per wiki and over 'all-wikis'.
--
-- A list holds exactly the first ${top_n} pages by pageview_count descending, ties broken by
-- page_title then page_wiki ascending (by code point), so a tie that straddles the last place is
-- cut. rank is RANK() over pageview_count, computed on the kept pages (every page ranked above a
-- kept page is kept too). ROW_NUMBER() with a `<= ${top_n}` filter lets Spark cut each group
-- before the shuffle (WindowGroupLimit).
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--     year           -- year of the month, e.g. 2024
--     month_number   -- month of the year, 1 to 12
--     top_n          -- list length, 100
--
-- Inputs:
--     commons.commons_pageviews_per_media_file_monthly
--
-- Output (written to serving.top_pages_per_media_file_monthly, replacing the month):
--     media_file STRING, wiki STRING, year INT, month INT,
--     page_wiki STRING, page_title STRING, pageview_count BIGINT, rank INT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.top_pages_per_media_file_monthly with
--     the result, in one Iceberg commit.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -d year=2024 -d month_number=2 -d top_n=100 \
--             -f sql/serving/top_pages_per_media_file_monthly.sql

WITH month_media_file_page_views AS (
    SELECT media_file, wiki, page_title, pageview_count
    FROM commons.commons_pageviews_per_media_file_monthly
    WHERE year_month = '${month}'
),

candidate_pages AS (
    -- Each viewed page competes in the list of its own wiki and in the all-wikis list of the
    -- file: two candidates per row, from one read of the table.
    SELECT
        media_file,
        list_wiki AS wiki,
        wiki AS page_wiki,
        page_title,
        pageview_count
    FROM month_media_file_page_views
    LATERAL VIEW explode(array(wiki, 'all-wikis')) page_lists AS list_wiki
),

ordered_pages AS (
    SELECT
        *,
        ROW_NUMBER() OVER (
            PARTITION BY media_file, wiki
            ORDER BY pageview_count DESC, page_title, page_wiki
        ) AS list_position
    FROM candidate_pages
),

top_pages AS (
    SELECT *
    FROM ordered_pages
    WHERE list_position <= ${top_n}
)

SELECT
    media_file,
    wiki,
    ${year} AS year,
    ${month_number} AS month,
    page_wiki,
    page_title,
    pageview_count,
    RANK() OVER (
        PARTITION BY media_file, wiki
        ORDER BY pageview_count DESC
    ) AS rank
FROM top_pages
