-- Serving table 4 of SPEC §7, pageviews_per_media_file_monthly: pageviews of each media file per
-- wiki, plus an 'all-wikis' row holding the sum over its wikis. Only (file, wiki) with a viewed
-- page have a row; the all-wikis row exists only where a per-wiki row does.
--
-- Parameters:
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     media_file_pageviews_with_all_wikis  (temporary view)
--
-- Output (written to serving.pageviews_per_media_file_monthly, replacing the month):
--     media_file STRING, wiki STRING, dt TIMESTAMP, pageview_count BIGINT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.pageviews_per_media_file_monthly with
--     the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views media_file_wiki_pageviews then
--     media_file_pageviews_with_all_wikis, then run this file, with -d month=2024-02
--     -d dt='2024-02-01 00:00:00'.

SELECT
    media_file,
    wiki,
    TIMESTAMP '${dt}' AS dt,
    pageview_count
FROM media_file_pageviews_with_all_wikis
