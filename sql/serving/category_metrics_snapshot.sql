-- Serving table 1 of SPEC §7, category_metrics_snapshot: the eight count columns of each graph
-- category of the month (SPEC §5.1), one row per category, keyed by the first day of the month.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     commons.commons_category_metrics_snapshot
--
-- Output (written to serving.category_metrics_snapshot, replacing the month):
--     category STRING, dt TIMESTAMP,
--     media_file_count, media_file_count_deep, used_media_file_count, used_media_file_count_deep,
--     leveraging_wiki_count, leveraging_wiki_count_deep, leveraging_page_count,
--     leveraging_page_count_deep (all BIGINT)
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.category_metrics_snapshot with the
--     result, in one Iceberg commit.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -d dt='2024-02-01 00:00:00' \
--             -f sql/serving/category_metrics_snapshot.sql

WITH month_category_metrics AS (
    SELECT *
    FROM commons.commons_category_metrics_snapshot
    WHERE year_month = '${month}'
)

SELECT
    category,
    TIMESTAMP '${dt}' AS dt,
    CAST(media_file_count AS BIGINT) AS media_file_count,
    CAST(media_file_count_deep AS BIGINT) AS media_file_count_deep,
    CAST(used_media_file_count AS BIGINT) AS used_media_file_count,
    CAST(used_media_file_count_deep AS BIGINT) AS used_media_file_count_deep,
    CAST(leveraging_wiki_count AS BIGINT) AS leveraging_wiki_count,
    CAST(leveraging_wiki_count_deep AS BIGINT) AS leveraging_wiki_count_deep,
    CAST(leveraging_page_count AS BIGINT) AS leveraging_page_count,
    CAST(leveraging_page_count_deep AS BIGINT) AS leveraging_page_count_deep
FROM month_category_metrics
