-- commons_pageviews_per_category_monthly (SPEC §5.3): one row per (category, scope, wiki, page)
-- where the scope's file set has a file used on the page and the page has views > 0.
--
-- pageview_count is the page's views counted once, however many files of the set it shows.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (written as year_month)
--
-- Inputs:
--     category_pages  (temporary view)
--     viewed_pages  (temporary view)
--     graph_category_rows  (temporary view)
--
-- Output (written to commons.commons_pageviews_per_category_monthly, replacing the month):
--     the columns of commons.commons_pageviews_per_category_monthly, in order
--
-- Usage:
--     MetricsStage runs it and replaces the month of commons.commons_pageviews_per_category_monthly
--     with the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views graph_files, graph_category_rows,
--     category_file_scopes, media_file_usage, viewed_pages then category_pages, then run this file,
--     with -d month=2024-02 -d year=2024 -d month_number=2.

SELECT
    cat.category,
    page.category_scope,
    cat.primary_categories,
    page.wiki,
    page.page_title,
    viewed.pageview_count,
    '${month}' AS year_month
FROM category_pages AS page
JOIN viewed_pages AS viewed
  ON viewed.wiki = page.wiki
 AND viewed.page_title = page.page_title
JOIN graph_category_rows AS cat
  ON cat.category_id = page.category_id
