package org.commonsimpact.dumps;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.TsvValues;

/**
 * Turns rows of a base table into dump lines (SPEC §6): each value in its {@link TsvValues} text
 * form, tab-separated, UTF-8, without the line end.
 *
 * <p>Values are written raw, so a value whose text holds a tab or a newline would corrupt the file;
 * such a row fails the task with an {@link InvalidInputException} that names the table, the column
 * and the row.
 */
final class TsvLineFormatter implements MapPartitionsFunction<Row, byte[]> {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN_CHARS = 120;

  private final String table;
  private final String[] columns;

  TsvLineFormatter(String table, List<String> columns) {
    this.table = table;
    this.columns = columns.toArray(new String[0]);
  }

  @Override
  public Iterator<byte[]> call(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public byte[] next() {
        return format(rows.next());
      }
    };
  }

  byte[] format(Row row) {
    StringBuilder line = new StringBuilder(160);
    for (int i = 0; i < columns.length; i++) {
      String value = TsvValues.format(row.get(i));
      if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0) {
        throw new InvalidInputException(describe(row, i));
      }
      if (i > 0) {
        line.append('\t');
      }
      line.append(value);
    }
    return line.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String describe(Row row, int badColumn) {
    String bad = TsvValues.format(row.get(badColumn));
    String what = bad.indexOf('\t') >= 0 ? "a tab" : "a newline";
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        values.append(", ");
      }
      values.append(columns[i]).append('=').append(shown(TsvValues.format(row.get(i))));
    }
    return "cannot dump table " + table + ": column " + columns[badColumn] + " holds " + what
        + " (dump values are written raw, SPEC §6) in row {" + values + "}";
  }

  /** The value on one line: tab, newline and carriage return escaped, long values shortened. */
  private static String shown(String value) {
    String escaped = value.replace("\t", "\\t").replace("\n", "\\n")
        .replace("\r", "\\r");
    if (escaped.length() > MAX_SHOWN_CHARS) {
      return escaped.substring(0, MAX_SHOWN_CHARS) + "...";
    }
    return escaped;
  }
}
