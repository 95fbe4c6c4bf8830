-- Serving table 2 of SPEC §7, media_file_metrics_snapshot: usage counts of each graph media file
-- of the month (SPEC §5.2), used or not, keyed by the first day of the month.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM
--     dt             -- first instant of the month, 'yyyy-MM-dd HH:mm:ss' (UTC)
--
-- Inputs:
--     commons.commons_media_file_metrics_snapshot
--
-- Output (written to serving.media_file_metrics_snapshot, replacing the month):
--     media_file STRING, dt TIMESTAMP, leveraging_wiki_count BIGINT, leveraging_page_count BIGINT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.media_file_metrics_snapshot with the
--     result, in one Iceberg commit.
--     By hand (sql/README.md):
--         spark-sql ... -d month=2024-02 -d dt='2024-02-01 00:00:00' \
--             -f sql/serving/media_file_metrics_snapshot.sql

WITH month_media_file_metrics AS (
    SELECT media_file, leveraging_wiki_count, leveraging_page_count
    FROM commons.commons_media_file_metrics_snapshot
    WHERE year_month = '${month}'
)

SELECT
    media_file,
    TIMESTAMP '${dt}' AS dt,
    CAST(leveraging_wiki_count AS BIGINT) AS leveraging_wiki_count,
    CAST(leveraging_page_count AS BIGINT) AS leveraging_page_count
FROM month_media_file_metrics
