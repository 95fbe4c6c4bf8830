-- Serving table 4 of SPEC §7, pageviews_per_media_file_monthly: pageviews of each media file per
-- wiki, plus an 'all-wikis' row holding the sum over its wikis. Only (file, wiki) with a viewed
-- page have a row; the all-wikis row exists only where a per-wiki row does.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     media_file_wiki_pageviews  (temporary view, see media_file_wiki_pageviews.sql)
--
-- Output (written to serving.pageviews_per_media_file_monthly by ServingStage):
--     media_file STRING, wiki STRING, dt TIMESTAMP, pageview_count BIGINT
--
-- Usage:
--     spark3-sql -f pageviews_per_media_file_monthly.sql -d dt='2024-02-01 00:00:00'

WITH all_wikis_pageviews AS (
    SELECT
        media_file,
        'all-wikis' AS wiki,
        CAST(SUM(pageview_count) AS BIGINT) AS pageview_count
    FROM media_file_wiki_pageviews
    GROUP BY media_file
),

media_file_pageviews AS (
    SELECT media_file, wiki, pageview_count FROM media_file_wiki_pageviews
    UNION ALL
    SELECT media_file, wiki, pageview_count FROM all_wikis_pageviews
)

SELECT
    media_file,
    wiki,
    TIMESTAMP '${dt}' AS dt,
    pageview_count
FROM media_file_pageviews
