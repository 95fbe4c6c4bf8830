-- Revisions of graph files in the month's snapshot, whatever their timestamp (SPEC §5.5, §9).
--
-- Duplicate revision rows are kept: they count as they come.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--
-- Inputs:
--     source.mediawiki_revision
--     graph_files  (temporary view)
--
-- Output (temporary view graph_file_revisions):
--     rev_id, rev_actor, rev_timestamp, rev_parent_id, rev_deleted, media_file, categories,
--     primary_categories
--
-- Usage:
--     MetricsStage registers it as the temporary view graph_file_revisions, kept in Spark's cache
--     (persist MEMORY_AND_DISK, computed once, by the first query that reads it) as the timestamp
--     check and commons_edits read it.
--     By hand (sql/README.md): in one session, create the view graph_files, then run this file,
--     with -d month=2024-02.

SELECT
    rev.rev_id,
    rev.rev_actor,
    rev.rev_timestamp,
    rev.rev_parent_id,
    rev.rev_deleted,
    file.media_file,
    file.categories,
    file.primary_categories
FROM source.mediawiki_revision AS rev
JOIN graph_files AS file
  ON file.file_id = rev.rev_page
WHERE rev.wiki_db = 'commonswiki'
  AND rev.snapshot = '${month}'
