package org.commonsimpact.api.dashboard;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import org.commonsimpact.tables.LoadedIndexTables;

/**
 * The loader's index of loaded categories ({@link LoadedIndexTables}) read with one query on one
 * partition each: the months from the single partition of {@code loaded_months}, the titles of a
 * month as a clustering range {@code [prefix, prefix + U+10FFFF)} of its partition of {@code
 * loaded_categories_monthly}, with a limit. A keyspace loaded before the index existed has no
 * such tables: then both answers are empty (the statements are prepared again on the next call,
 * so a load made while serving is seen).
 */
public final class CassandraCategoryDirectory implements CategoryDirectory {
  private final CqlSession session;
  private final String keyspace;
  private volatile PreparedStatement months;
  private volatile PreparedStatement titles;

  public CassandraCategoryDirectory(CqlSession session, String keyspace) {
    this.session = session;
    this.keyspace = keyspace;
  }

  @Override
  public List<LoadedMonth> months() {
    if (!prepared()) {
      return List.of();
    }
    List<LoadedMonth> list = new ArrayList<>();
    for (Row row : session.execute(months.bind(LoadedIndexTables.MONTHS_PARTITION))) {
      list.add(new LoadedMonth(row.getInt(0), row.getInt(1), row.getLong(2)));
    }
    return list;
  }

  @Override
  public List<String> titles(int year, int month, String prefix, int limit) {
    if (!prepared()) {
      return List.of();
    }
    List<String> list = new ArrayList<>();
    for (Row row : session.execute(titles.bind(year, month, prefix,
        prefix + new String(Character.toChars(Character.MAX_CODE_POINT)), limit))) {
      list.add(row.getString(0));
    }
    return list;
  }

  private boolean prepared() {
    if (titles != null) {
      return true;
    }
    try {
      months = session.prepare("SELECT year, month, category_count FROM " + keyspace + "."
          + LoadedIndexTables.MONTHS_TABLE + " WHERE dataset = ?");
      titles = session.prepare("SELECT category FROM " + keyspace + "."
          + LoadedIndexTables.TITLES_TABLE + " WHERE year = ? AND month = ? AND category >= ? "
          + "AND category < ? LIMIT ?");
      return true;
    } catch (InvalidQueryException e) {
      return false;
    }
  }
}
