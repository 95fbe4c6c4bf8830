-- commons_category_metrics_snapshot (SPEC §5.1): one row per category of the month's graph.
--
-- Shallow figures count the files directly in the category, deep figures Deep(c); a file is used
-- when some page uses it; wikis and pages are counted distinct, a page once per set (SPEC §4.3).
-- Counts are never NULL. The shallow set is the membership rows with is_shallow, the deep set all
-- of them (so both come from one read of the membership); category_pages has one row per deep
-- page, in_shallow marking the shallow set's pages. Wikis are counted from per-(category, wiki)
-- page counts, a wiki being in the shallow set when it has a shallow page: two plain aggregations
-- instead of two DISTINCT counts (which Spark would plan as three copies of every page row).
--
-- Parameters:
--     month          -- the month to compute, YYYY-MM (written as year_month)
--
-- Inputs:
--     commons.category_file_membership  (written by the graph stage)
--     graph_category_rows  (temporary view)
--     category_pages  (temporary view)
--     media_file_usage  (temporary view)
--
-- Output (written to commons.commons_category_metrics_snapshot, replacing the month):
--     the columns of commons.commons_category_metrics_snapshot, in order
--
-- Usage:
--     MetricsStage runs it and replaces the month of commons.commons_category_metrics_snapshot with
--     the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the views graph_files, graph_category_rows,
--     media_file_usage, viewed_pages then category_pages, then run this file, with -d month=2024-02
--     -d year=2024 -d month_number=2.

WITH used_files AS (
    SELECT DISTINCT file_id
    FROM media_file_usage
),

file_counts AS (
    SELECT
        member.category_id,
        COUNT_IF(member.is_shallow)                              AS media_files,
        COUNT(*)                                                 AS media_files_deep,
        COUNT_IF(member.is_shallow AND used.file_id IS NOT NULL) AS used_files,
        COUNT_IF(used.file_id IS NOT NULL)                       AS used_files_deep
    FROM commons.category_file_membership AS member
    LEFT JOIN used_files AS used
      ON used.file_id = member.file_id
    WHERE member.year_month = '${month}'
    GROUP BY member.category_id
),

wiki_page_counts AS (
    SELECT
        category_id,
        wiki,
        COUNT_IF(in_shallow) AS pages,
        COUNT(*)             AS pages_deep
    FROM category_pages
    GROUP BY category_id, wiki
),

page_counts AS (
    SELECT
        category_id,
        COUNT(CASE WHEN pages > 0 THEN wiki END) AS wikis,
        COUNT(wiki)                              AS wikis_deep,
        SUM(pages)                               AS pages,
        SUM(pages_deep)                          AS pages_deep
    FROM wiki_page_counts
    GROUP BY category_id
)

SELECT
    cat.category,
    cat.parent_categories,
    cat.primary_categories,
    CAST(COALESCE(files.media_files, 0) AS INT)      AS media_file_count,
    CAST(COALESCE(files.media_files_deep, 0) AS INT) AS media_file_count_deep,
    CAST(COALESCE(files.used_files, 0) AS INT)       AS used_media_file_count,
    CAST(COALESCE(files.used_files_deep, 0) AS INT)  AS used_media_file_count_deep,
    CAST(COALESCE(pages.wikis, 0) AS INT)            AS leveraging_wiki_count,
    CAST(COALESCE(pages.wikis_deep, 0) AS INT)       AS leveraging_wiki_count_deep,
    CAST(COALESCE(pages.pages, 0) AS INT)            AS leveraging_page_count,
    CAST(COALESCE(pages.pages_deep, 0) AS INT)       AS leveraging_page_count_deep,
    '${month}'                                       AS year_month
FROM graph_category_rows AS cat
LEFT JOIN file_counts AS files
  ON files.category_id = cat.category_id
LEFT JOIN page_counts AS pages
  ON pages.category_id = cat.category_id
