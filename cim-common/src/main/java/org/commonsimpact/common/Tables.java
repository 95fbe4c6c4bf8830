package org.commonsimpact.common;

import java.util.List;

/** Names of every table the pipeline reads or writes, in the session's default catalog (SPEC §10). */
public final class Tables {
  private Tables() {}

  public static final String SOURCE = "source";
  public static final String COMMONS = "commons";
  public static final String SERVING = "serving";

  public static final String PAGE = "source.mediawiki_page";
  public static final String CATEGORYLINKS = "source.mediawiki_categorylinks";
  public static final String LINKTARGET = "source.mediawiki_linktarget";
  public static final String IMAGELINKS = "source.mediawiki_imagelinks";
  public static final String IMAGE = "source.mediawiki_image";
  public static final String REVISION = "source.mediawiki_revision";
  public static final String ACTOR = "source.mediawiki_actor";
  public static final String PAGEVIEW_HOURLY = "source.pageview_hourly";
  public static final String WIKIS = "source.wikis";

  /** The public graph table of SPEC §3. */
  public static final String CATEGORY_GRAPH = "commons.category_graph";

  /**
   * Internal: (category, file) pairs of the deep file sets of SPEC §3, shallow pairs flagged. Written
   * by the graph stage because computing it needs the per-primary trees; read by the metrics stage.
   */
  public static final String CATEGORY_FILE_MEMBERSHIP = "commons.category_file_membership";

  public static final String CATEGORY_METRICS = "commons_category_metrics_snapshot";
  public static final String MEDIA_FILE_METRICS = "commons_media_file_metrics_snapshot";
  public static final String PAGEVIEWS_PER_CATEGORY = "commons_pageviews_per_category_monthly";
  public static final String PAGEVIEWS_PER_MEDIA_FILE = "commons_pageviews_per_media_file_monthly";
  public static final String EDITS = "commons_edits";

  /** The five base tables of SPEC §5, unqualified, in SPEC order. */
  public static final List<String> BASE_TABLES =
      List.of(
          CATEGORY_METRICS,
          MEDIA_FILE_METRICS,
          PAGEVIEWS_PER_CATEGORY,
          PAGEVIEWS_PER_MEDIA_FILE,
          EDITS);

  /**
   * The fourteen serving tables of SPEC §7, unqualified, in SPEC order; each is declared in {@link
   * org.commonsimpact.tables.ServingTable}.
   */
  public static final List<String> SERVING_TABLES =
      org.commonsimpact.tables.ServingTable.names();

  public static String commons(String table) {
    return COMMONS + "." + table;
  }

  public static String serving(String table) {
    return SERVING + "." + table;
  }
}
