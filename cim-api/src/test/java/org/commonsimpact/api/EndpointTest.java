package org.commonsimpact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {
  /** The path shapes of issue 10, verbatim. */
  private static final List<String> ISSUE_PATHS = List.of(
      "category-metrics-snapshot/{category}/{start}/{end}",
      "media-file-metrics-snapshot/{media-file}/{start}/{end}",
      "pageviews-per-category-monthly/{category}/{category-scope}/{wiki}/{start}/{end}",
      "pageviews-per-media-file-monthly/{media-file}/{wiki}/{start}/{end}",
      "edits-per-category-monthly/{category}/{category-scope}/{edit-type}/{start}/{end}",
      "edits-per-user-monthly/{user-name}/{edit-type}/{start}/{end}",
      "top-pages-per-category-monthly/{category}/{category-scope}/{wiki}/{year}/{month}",
      "top-pages-per-media-file-monthly/{media-file}/{wiki}/{year}/{month}",
      "top-wikis-per-category-monthly/{category}/{category-scope}/{year}/{month}",
      "top-wikis-per-media-file-monthly/{media-file}/{year}/{month}",
      "top-viewed-categories-monthly/{category-scope}/{wiki}/{year}/{month}",
      "top-viewed-media-files-monthly/{category}/{category-scope}/{wiki}/{year}/{month}",
      "top-edited-categories-monthly/{category-scope}/{edit-type}/{year}/{month}",
      "top-editors-monthly/{category}/{category-scope}/{edit-type}/{year}/{month}");

  @Test
  void templatesAreTheIssuesPathShapes() {
    List<String> templates = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.all()) {
      templates.add(endpoint.template());
    }
    List<String> expected = new ArrayList<>();
    for (String path : ISSUE_PATHS) {
      expected.add("/metrics/commons-analytics/" + path);
    }
    assertEquals(expected, templates);
  }

  @Test
  void seriesQueryReadsOneDtSliceOfOnePartition() {
    assertEquals("SELECT category, category_scope, wiki, dt, pageview_count FROM ks"
        + ".pageviews_per_category_monthly WHERE category = ? AND category_scope = ? AND wiki = ?"
        + " AND dt >= ? AND dt < ?",
        Endpoint.named("pageviews-per-category-monthly").cql("ks"));
  }

  @Test
  void topListQueryReadsOnePartition() {
    assertEquals("SELECT category, category_scope, wiki, year, month, page_wiki, page_title, "
        + "pageview_count, rank FROM commons.top_pages_per_category_monthly WHERE category = ? "
        + "AND category_scope = ? AND wiki = ? AND year = ? AND month = ?",
        Endpoint.named("top-pages-per-category-monthly").cql("commons"));
  }
}
