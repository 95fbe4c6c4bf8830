-- commons_pageviews_per_category_monthly (SPEC §5.3): one row per (category, scope, wiki, page)
-- where the scope's file set has a file used on the page and the page has views > 0.
--
-- pageview_count is the page's views counted once, however many files of the set it shows. A row
-- of category_pages is the page in the deep set, and also in the shallow set when in_shallow.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (written as year_month)
--
-- Inputs:
--     category_pages  (temporary view)
--     graph_category_rows  (temporary view)
--
-- Output (written to commons.commons_pageviews_per_category_monthly, replacing the month):
--     the columns of commons.commons_pageviews_per_category_monthly, in order
--
-- Usage:
--     MetricsStage runs it and replaces the month of commons.commons_pageviews_per_category_monthly
--     with the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views graph_files, graph_category_rows,
--     media_file_usage, viewed_pages then category_pages, then run this file, with -d month=2024-02
--     -d year=2024 -d month_number=2.

SELECT
    cat.category,
    EXPLODE(IF(page.in_shallow, ARRAY('shallow', 'deep'), ARRAY('deep'))) AS category_scope,
    cat.primary_categories,
    page.wiki,
    page.page_title,
    page.pageview_count,
    '${month}' AS year_month
FROM category_pages AS page
JOIN graph_category_rows AS cat
  ON cat.category_id = page.category_id
WHERE page.pageview_count IS NOT NULL
