-- Pageviews of each media file per wiki for the month: the sum of the
-- commons_pageviews_per_media_file_monthly rows (SPEC §5.4, one row per viewed page showing the
-- file) of that file and wiki. Only wikis with at least one viewed page have a row, so every sum is
-- > 0. No all-wikis row: the tables that need one add it.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--
-- Inputs:
--     commons.commons_pageviews_per_media_file_monthly
--
-- Output (temporary view media_file_wiki_pageviews):
--     media_file STRING, wiki STRING, pageview_count BIGINT
--
-- Usage:
--     ServingStage registers it as the temporary view media_file_wiki_pageviews, computed once and
--     kept in Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -f sql/serving/media_file_wiki_pageviews.sql

WITH month_media_file_page_views AS (
    SELECT media_file, wiki, pageview_count
    FROM commons.commons_pageviews_per_media_file_monthly
    WHERE year_month = '${month}'
)

SELECT
    media_file,
    wiki,
    CAST(SUM(pageview_count) AS BIGINT) AS pageview_count
FROM month_media_file_page_views
GROUP BY media_file, wiki
