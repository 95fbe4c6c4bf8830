-- Monthly user pageviews of the pages that use a graph file, where there are any (SPEC §4.2).
--
-- views(w, t) = sum of view_count over the month's pageview_hourly rows with project = w,
-- page_title = t, namespace_id = 0 and agent_type = 'user'; a NULL view_count adds 0. Only pages
-- with views > 0 are kept: the pageview tables hold no other page.
--
-- Parameters:
--   ${year}           the month's year, e.g. 2024
--   ${month_number}   the month's number, 1 to 12
-- Inputs:
--   source.pageview_hourly, media_file_usage
-- Output (temp view viewed_pages):
--   wiki STRING, page_title STRING, pageview_count BIGINT (> 0)
-- Usage:
--   MetricsStage registers it as the view `viewed_pages`.

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
