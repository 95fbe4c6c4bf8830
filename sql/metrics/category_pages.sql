-- The distinct wiki pages that use at least one file of a category's deep set Deep(c) (SPEC §3,
-- §4.3), each with whether a file of the shallow set is among them and the page's monthly views.
--
-- One row per (category, wiki, page) of the deep set: a page counts once per set, however many of
-- the set's files it shows. The shallow set is a subset of the deep set, so its pages are the rows
-- with in_shallow; SPEC's (category, scope, wiki, page) rows are these rows for `deep` plus the
-- in_shallow rows for `shallow`. pageview_count is the page's views (the same for every file of the
-- page), NULL when the page has no views.
--
-- Shape: the small usage rows meet the page views first (on the page), then the membership rows (on
-- the file), and one aggregation on (category, wiki, page) keeps both scopes at once. The
-- membership table is read once.
--
-- Distinct rows, never a per-category list: a category with millions of pages is millions of rows
-- that Spark can spill, not one row.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--
-- Inputs:
--     commons.category_file_membership  (written by the graph stage)
--     media_file_usage  (temporary view)
--     viewed_pages  (temporary view)
--
-- Output (temporary view category_pages):
--     category_id BIGINT, wiki STRING, page_title STRING, in_shallow BOOLEAN,
--     pageview_count BIGINT (NULL when the page has no views) -- one row per (category, wiki, page)
--
-- Usage:
--     MetricsStage registers it as the temporary view category_pages, kept in Spark's cache (persist
--     MEMORY_AND_DISK, computed by the first query that reads it) as two queries read it.
--     By hand (sql/README.md): in one session, create the views graph_files, media_file_usage then
--     viewed_pages, then run this file, with -d month=2024-02 -d year=2024 -d month_number=2.

WITH page_file_views AS (
    SELECT
        usage.file_id,
        usage.wiki,
        usage.page_title,
        viewed.pageview_count
    FROM media_file_usage AS usage
    LEFT JOIN viewed_pages AS viewed
      ON viewed.wiki = usage.wiki
     AND viewed.page_title = usage.page_title
)

SELECT
    member.category_id,
    page.wiki,
    page.page_title,
    BOOL_OR(member.is_shallow) AS in_shallow,
    MAX(page.pageview_count)   AS pageview_count
FROM page_file_views AS page
JOIN commons.category_file_membership AS member
  ON member.file_id = page.file_id
WHERE member.year_month = '${month}'
GROUP BY member.category_id, page.wiki, page.page_title
