package org.commonsimpact.api;

/** The API's names for the serving tables' columns: kebab-case, {@code dt} as {@code timestamp}. */
final class Names {
  private Names() {}

  /** {@code media_file_count} → {@code media-file-count}. */
  static String kebab(String column) {
    return column.replace('_', '-');
  }

  /** The JSON field holding {@code column}: kebab-case, and {@code timestamp} for {@code dt}. */
  static String field(String column) {
    return column.equals("dt") ? "timestamp" : kebab(column);
  }
}
