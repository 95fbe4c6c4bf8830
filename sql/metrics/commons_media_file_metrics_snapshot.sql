-- commons_media_file_metrics_snapshot (SPEC §5.2): one row per file of the month's graph, used
-- or not.
--
-- media_type is img_media_type of the commonswiki image row named like the file, UNKNOWN when
-- there is none or it is NULL (SPEC §9).
--
-- Parameters:
--   ${month}   the month, YYYY-MM (written as year_month)
-- Inputs:
--   graph_files, media_file_usage, source.mediawiki_image
-- Output:
--   the columns of commons.commons_media_file_metrics_snapshot, in order
-- Usage:
--   MetricsStage writes it, replacing the month in one commit.

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
    '${month}'                              AS year_month
FROM graph_files AS file
LEFT JOIN usage_counts AS counts
  ON counts.file_id = file.file_id
LEFT JOIN media_types AS types
  ON types.img_name = file.media_file
