-- The distinct wiki pages that use at least one file of a category's shallow or deep set
-- (SPEC §4.3: a page counts once per set, however many of the set's files it shows).
--
-- Distinct rows, never a per-category list: a category with millions of pages is millions of
-- rows that Spark can spill, not one row.
--
-- Parameters: none
--
-- Inputs:
--     category_file_scopes  (temporary view)
--     media_file_usage  (temporary view)
--
-- Output (temporary view category_pages):
--     category_id BIGINT, category_scope STRING, wiki STRING, page_title STRING -- distinct
--
-- Usage:
--     MetricsStage registers it as the temporary view category_pages, computed once and kept in
--     Spark's cache (persist MEMORY_AND_DISK) as several queries read it.
--     By hand (sql/README.md): in one session, create the views graph_files, category_file_scopes
--     then media_file_usage, then run this file, with -d month=2024-02.

SELECT DISTINCT
    scope.category_id,
    scope.category_scope,
    usage.wiki,
    usage.page_title
FROM category_file_scopes AS scope
JOIN media_file_usage AS usage
  ON usage.file_id = scope.file_id
