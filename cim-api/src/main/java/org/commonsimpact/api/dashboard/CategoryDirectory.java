package org.commonsimpact.api.dashboard;

import java.util.List;

/**
 * What is loaded, for the dashboard's search box and month selector: the loaded months, and the
 * category titles of a month by prefix. Cassandra in production ({@link
 * CassandraCategoryDirectory}), an in-memory list in unit tests.
 */
public interface CategoryDirectory {
  /** A loaded month and how many categories it has. */
  record LoadedMonth(int year, int month, long categories) {}

  /** Loaded months, newest first; empty when nothing (or no index) is loaded. */
  List<LoadedMonth> months();

  /**
   * Up to {@code limit} titles of {@code year}-{@code month} that start with {@code prefix}
   * (underscores for spaces, case as stored), in title order.
   */
  List<String> titles(int year, int month, String prefix, int limit);
}
