-- commons_edits (SPEC §5.5): one row per revision of a graph file whose timestamp falls in the
-- month, [first day 00:00, next month's first day 00:00) UTC.
--
-- user_name: `:redacted:` when the DELETED_USER bit (4) of rev_deleted is set (a NULL rev_deleted
-- is not redacted), else `:anonymous:` when the actor has no user or no actor row exists, else
-- actor_name. edit_type: `create` when rev_parent_id is 0 or NULL, else `update`. Timestamps were
-- validated first, so comparing the 14-digit strings is comparing instants.
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (the MediaWiki snapshot)
--     month_start    -- first second of the month, yyyyMMddHHmmss
--     month_end      -- first second of the next month, yyyyMMddHHmmss
--
-- Inputs:
--     graph_file_revisions  (temporary view)
--     source.mediawiki_actor
--
-- Output (written to commons.commons_edits, replacing the month):
--     the columns of commons.commons_edits, in order
--
-- Usage:
--     MetricsStage runs it and replaces the month of commons.commons_edits with the result, in one
--     Iceberg commit. Only after invalid_revision_timestamps.sql found no row.
--     By hand (sql/README.md): in one session, create the views graph_files then
--     graph_file_revisions, then run this file, with -d month=2024-02 -d month_start=20240201000000
--     -d month_end=20240301000000.

WITH commons_actors AS (
    SELECT actor_id, actor_user, actor_name
    FROM source.mediawiki_actor
    WHERE wiki_db = 'commonswiki'
      AND snapshot = '${month}'
)

SELECT
    CASE
        WHEN COALESCE(rev.rev_deleted, 0) & 4 <> 0            THEN ':redacted:'
        WHEN actor.actor_id IS NULL OR actor.actor_user IS NULL THEN ':anonymous:'
        ELSE actor.actor_name
    END                                                      AS user_name,
    CASE
        WHEN rev.rev_parent_id IS NULL OR rev.rev_parent_id = 0 THEN 'create'
        ELSE 'update'
    END                                                      AS edit_type,
    rev.media_file,
    rev.categories,
    rev.primary_categories,
    TO_TIMESTAMP(rev.rev_timestamp, 'yyyyMMddHHmmss')        AS dt
FROM graph_file_revisions AS rev
LEFT JOIN commons_actors AS actor
  ON actor.actor_id = rev.rev_actor
WHERE rev.rev_timestamp >= '${month_start}'
  AND rev.rev_timestamp < '${month_end}'
