-- commons_pageviews_per_category_monthly (SPEC §5.3): one row per (category, scope, wiki, page)
-- where the scope's file set has a file used on the page and the page has views > 0.
--
-- pageview_count is the page's views counted once, however many files of the set it shows.
--
-- Parameters:
--   ${month}   the month, YYYY-MM (written as year_month)
-- Inputs:
--   category_pages, viewed_pages, graph_category_rows
-- Output:
--   the columns of commons.commons_pageviews_per_category_monthly, in order
-- Usage:
--   MetricsStage writes it, replacing the month in one commit.

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
