package org.commonsimpact.api;

/**
 * What a path parameter holds, which decides how {@link ParameterParser} validates it and how
 * the OpenAPI document describes it.
 */
public enum ParameterKind {
  /** A page title in database form (underscores): a category or a media file. */
  TITLE,
  /** A user name as MediaWiki stores it (with spaces), or {@code :anonymous:}/{@code :redacted:}. */
  USER_NAME,
  /** {@code shallow} or {@code deep}. */
  CATEGORY_SCOPE,
  /** A wiki such as {@code en.wikipedia}, or {@code all-wikis}. */
  WIKI,
  /** {@code create}, {@code update} or {@code all-edit-types}. */
  EDIT_TYPE,
  /** First day of a series range, {@code YYYYMMDD}, inclusive. */
  START,
  /** Day after a series range, {@code YYYYMMDD}, exclusive. */
  END,
  /** A four-digit year. */
  YEAR,
  /** A month number, {@code 2} or {@code 02}. */
  MONTH
}
