-- commons_edits (SPEC §5.5): one row per revision of a graph file whose timestamp falls in the
-- month, [first day 00:00, next month's first day 00:00) UTC.
--
-- user_name: `:redacted:` when the DELETED_USER bit (4) of rev_deleted is set (a NULL rev_deleted
-- is not redacted), else `:anonymous:` when the actor has no user or no actor row exists, else
-- actor_name. edit_type: `create` when rev_parent_id is 0 or NULL, else `update`. Timestamps were
-- validated first, so comparing the 14-digit strings is comparing instants.
--
-- Parameters:
--   ${month}      month of the MediaWiki snapshot, YYYY-MM
--   ${month_start}   first second of the month, yyyyMMddHHmmss
--   ${month_end}     first second of the next month, yyyyMMddHHmmss
-- Inputs:
--   graph_file_revisions, source.mediawiki_actor
-- Output:
--   the columns of commons.commons_edits, in order
-- Usage:
--   MetricsStage writes it, replacing the month's partition in one commit.

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
