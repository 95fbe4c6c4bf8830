-- commons_media_file_metrics_snapshot (SPEC §5.2): one row per file of the month's graph, used
-- or not.
--
-- media_type is img_media_type of the commonswiki image row named like the file, UNKNOWN when
-- there is none or it is NULL (SPEC §9).
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (written as year_month)
--
-- Inputs:
--     graph_files  (temporary view)
--     media_file_usage  (temporary view)
--     source.mediawiki_image
--
-- Output (written to commons.commons_media_file_metrics_snapshot, replacing the month):
--     the columns of commons.commons_media_file_metrics_snapshot, in order
--
-- Usage:
--     MetricsStage runs it and replaces the month of commons.commons_media_file_metrics_snapshot
--     with the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views graph_files then media_file_usage,
--     then run this file, with -d month=2024-02.

WITH usage_counts AS (
    SELECT
        file_id,
        COUNT(DISTINCT wiki) AS wikis,
        COUNT(*)             AS pages
    FROM media_file_usage
    GROUP BY file_id
),

media_types AS (
    SELECT
        img_name,
        MAX(img_media_type) AS img_media_type
    FROM source.mediawiki_image
    WHERE wiki_db = 'commonswiki'
      AND snapshot = '${month}'
    GROUP BY img_name
)

SELECT
    file.media_file,
    COALESCE(types.img_media_type, 'UNKNOWN')  AS media_type,
    file.categories,
    file.primary_categories,
    CAST(COALESCE(counts.wikis, 0) AS INT)     AS leveraging_wiki_count,
    CAST(COALESCE(counts.pages, 0) AS INT)     AS leveraging_page_count,
    '${month}'                                 AS year_month
FROM graph_files AS file
LEFT JOIN usage_counts AS counts
  ON counts.file_id = file.file_id
LEFT JOIN media_types AS types
  ON types.img_name = file.media_file
