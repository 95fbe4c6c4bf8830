-- Pageviews of each media file per wiki, plus an 'all-wikis' row holding the sum over its wikis:
-- the counts that pageviews_per_media_file_monthly publishes and top_viewed_media_files_monthly
-- ranks. Only (file, wiki) with a viewed page have a row; the all-wikis row exists only where a
-- per-wiki row does.
--
-- Parameters: none
--
-- Inputs:
--     media_file_wiki_pageviews  (temporary view)
--
-- Output (temporary view media_file_pageviews_with_all_wikis):
--     media_file STRING, wiki STRING, pageview_count BIGINT
--
-- Usage:
--     ServingStage registers it as the temporary view media_file_pageviews_with_all_wikis, computed
--     once and kept in Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md): in one session, create the view media_file_wiki_pageviews, then run
--     this file, with -d month=2024-02.

WITH all_wikis_pageviews AS (
    SELECT
        media_file,
        'all-wikis' AS wiki,
        CAST(SUM(pageview_count) AS BIGINT) AS pageview_count
    FROM media_file_wiki_pageviews
    GROUP BY media_file
)

SELECT media_file, wiki, pageview_count FROM media_file_wiki_pageviews
UNION ALL
SELECT media_file, wiki, pageview_count FROM all_wikis_pageviews
