-- Monthly user pageviews of the pages that use a graph file, where there are any (SPEC §4.2).
--
-- views(w, t) = sum of view_count over the month's pageview_hourly rows with project = w,
-- page_title = t, namespace_id = 0 and agent_type = 'user'; a NULL view_count adds 0. Only pages
-- with views > 0 are kept: the pageview tables hold no other page.
--
-- Parameters:
--     year           -- year of the month, e.g. 2024
--     month_number   -- month of the year, 1 to 12
--
-- Inputs:
--     source.pageview_hourly
--     media_file_usage  (temporary view)
--
-- Output (temporary view viewed_pages):
--     wiki STRING, page_title STRING, pageview_count BIGINT (> 0)
--
-- Usage:
--     MetricsStage registers it as the temporary view viewed_pages, kept in Spark's cache (persist
--     MEMORY_AND_DISK, computed once, by the first query that reads it) as two queries read it.
--     By hand (sql/README.md): in one session, create the views graph_files then media_file_usage,
--     then run this file, with -d month=2024-02 -d year=2024 -d month_number=2.

WITH used_pages AS (
    SELECT DISTINCT wiki, page_title
    FROM media_file_usage
)

SELECT
    views.project                          AS wiki,
    views.page_title,
    SUM(COALESCE(views.view_count, 0))     AS pageview_count
FROM source.pageview_hourly AS views
LEFT SEMI JOIN used_pages AS used
  ON used.wiki = views.project
 AND used.page_title = views.page_title
WHERE views.year = ${year}
  AND views.month = ${month_number}
  AND views.namespace_id = 0
  AND views.agent_type = 'user'
GROUP BY views.project, views.page_title
HAVING SUM(COALESCE(views.view_count, 0)) > 0
