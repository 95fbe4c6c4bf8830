-- Usage of graph files: the distinct wiki pages that show each file (SPEC §4.1, §9).
--
-- An imagelinks row of wiki w counts when il_from_namespace = 0, its link target (same wiki,
-- lt_namespace = 6) has the file's title, and il_from is a page of w in namespace 0. Wikis missing
-- from source.wikis are dropped; commonswiki and wikidatawiki never count. The wiki is named by
-- its domain without a trailing `.org`. Usage does not depend on pageviews.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_imagelinks, source.mediawiki_linktarget, source.mediawiki_page,
--     source.wikis
--     graph_files  (temporary view)
--
-- Output (temporary view media_file_usage):
--     file_id BIGINT, wiki STRING, page_title STRING -- distinct
--
-- Usage:
--     MetricsStage registers it as the temporary view media_file_usage, kept in Spark's cache
--     (persist MEMORY_AND_DISK, computed once, by the first query that reads it) as several queries
--     read it.
--     By hand (sql/README.md): in one session, create the view graph_files, then run this file,
--     with -d month=2024-02.

WITH usage_wikis AS (
    SELECT DISTINCT
        database_code AS wiki_db,
        CASE WHEN domain_name LIKE '%.org'
             THEN LEFT(domain_name, LENGTH(domain_name) - 4)
             ELSE domain_name
        END AS wiki
    FROM source.wikis
    WHERE database_code NOT IN ('commonswiki', 'wikidatawiki')
),

file_link_targets AS (
    SELECT
        lt.wiki_db,
        lt.lt_id,
        file.file_id
    FROM source.mediawiki_linktarget AS lt
    JOIN graph_files AS file
      ON file.media_file = lt.lt_title
    WHERE lt.snapshot = '${month}'
      AND lt.lt_namespace = 6
),

article_image_links AS (
    SELECT wiki_db, il_from, il_target_id
    FROM source.mediawiki_imagelinks
    WHERE snapshot = '${month}'
      AND il_from_namespace = 0
),

articles AS (
    SELECT wiki_db, page_id, page_title
    FROM source.mediawiki_page
    WHERE snapshot = '${month}'
      AND page_namespace = 0
)

SELECT DISTINCT
    target.file_id,
    wiki.wiki,
    article.page_title
FROM article_image_links AS link
JOIN usage_wikis AS wiki
  ON wiki.wiki_db = link.wiki_db
JOIN file_link_targets AS target
  ON target.wiki_db = link.wiki_db
 AND target.lt_id = link.il_target_id
JOIN articles AS article
  ON article.wiki_db = link.wiki_db
 AND article.page_id = link.il_from
