-- commons_pageviews_per_media_file_monthly (SPEC §5.4): one row per (file, wiki, page) where the
-- file is used on the page and the page has views > 0.
--
-- Parameters:
--   ${month}   the month, YYYY-MM (written as year_month)
-- Inputs:
--   media_file_usage, viewed_pages, graph_files
-- Output:
--   the columns of commons.commons_pageviews_per_media_file_monthly, in order
-- Usage:
--   MetricsStage writes it, replacing the month in one commit.

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
