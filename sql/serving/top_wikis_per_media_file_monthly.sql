-- Serving table 10 of SPEC §7, top_wikis_per_media_file_monthly: the wikis whose pages showing
-- each media file were viewed most. Ranks the per-wiki sums only: 'all-wikis' is never in these
-- lists.
--
-- A list holds exactly the first ${top_n} wikis by pageview_count descending, ties broken by wiki
-- ascending (by code point), so a tie that straddles the last place is cut. rank is RANK() over
-- pageview_count, computed on the kept wikis (every wiki ranked above a kept one is kept too).
--
-- Parameters:
--     year           -- year of the month, e.g. 2024
--     month_number   -- month of the year, 1 to 12
--     top_n          -- list length, 100
--
-- Inputs:
--     media_file_wiki_pageviews  (temporary view)
--
-- Output (written to serving.top_wikis_per_media_file_monthly, replacing the month):
--     media_file STRING, year INT, month INT, wiki STRING, pageview_count BIGINT, rank INT
--
-- Usage:
--     ServingStage runs it and replaces the month of serving.top_wikis_per_media_file_monthly with
--     the result, in one Iceberg commit.
--     By hand (sql/README.md): in one session, create the view media_file_wiki_pageviews, then run
--     this file, with -d month=2024-02 -d year=2024 -d month_number=2 -d top_n=100.

WITH ordered_wikis AS (
    SELECT
        media_file,
        wiki,
        pageview_count,
        ROW_NUMBER() OVER (
            PARTITION BY media_file
            ORDER BY pageview_count DESC, wiki
        ) AS list_position
    FROM media_file_wiki_pageviews
),

top_wikis AS (
    SELECT *
    FROM ordered_wikis
    WHERE list_position <= ${top_n}
)

SELECT
    media_file,
    ${year} AS year,
    ${month_number} AS month,
    wiki,
    pageview_count,
    RANK() OVER (
        PARTITION BY media_file
        ORDER BY pageview_count DESC
    ) AS rank
FROM top_wikis
