-- commons_pageviews_per_media_file_monthly (SPEC §5.4): one row per (file, wiki, page) where the
-- file is used on the page and the page has views > 0.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (written as year_month)
--
-- Inputs:
--     media_file_usage  (temporary view)
--     viewed_pages  (temporary view)
--     graph_files  (temporary view)
--
-- Output (written to commons.commons_pageviews_per_media_file_monthly, replacing the month):
--     the columns of commons.commons_pageviews_per_media_file_monthly, in order
--
-- Usage:
--     MetricsStage runs it and replaces the month of
--     commons.commons_pageviews_per_media_file_monthly with the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views graph_files, media_file_usage then
--     viewed_pages, then run this file, with -d month=2024-02 -d year=2024 -d month_number=2.

SELECT
    file.media_file,
    file.categories,
    file.primary_categories,
    usage.wiki,
    usage.page_title,
    viewed.pageview_count,
    '${month}' AS year_month
FROM media_file_usage AS usage
JOIN viewed_pages AS viewed
  ON viewed.wiki = usage.wiki
 AND viewed.page_title = usage.page_title
JOIN graph_files AS file
  ON file.file_id = usage.file_id
