-- Serving table 4 of SPEC §7, pageviews_per_media_file_monthly: pageviews of each media file per
-- wiki, plus an 'all-wikis' row holding the sum over its wikis. Only (file, wiki) with a viewed
-- page have a row; the all-wikis row exists only where a per-wiki row does.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     media_file_pageviews_with_all_wikis  (temporary view, media_file_pageviews_with_all_wikis.sql)
--
-- Output (written to serving.pageviews_per_media_file_monthly, replacing the month):
--     media_file STRING, wiki STRING, dt TIMESTAMP, pageview_count BIGINT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.pageviews_per_media_file_monthly.
--     By hand, in one Spark SQL session (sql/README.md): create the views
--     media_file_wiki_pageviews and media_file_pageviews_with_all_wikis first, then run this
--     file with dt='2024-02-01 00:00:00'.

SELECT
    media_file,
    wiki,
    TIMESTAMP '${dt}' AS dt,
    pageview_count
FROM media_file_pageviews_with_all_wikis
