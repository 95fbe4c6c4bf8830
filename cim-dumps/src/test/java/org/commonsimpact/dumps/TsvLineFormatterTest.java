package org.commonsimpact.dumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.TsvValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formatter reads internal rows; its lines must be the {@link TsvValues} text of each value
 * of the same rows as {@code Row}s (what the dumps wrote before), for every column type of the
 * base tables and the values the golden world does not hold.
 */
class TsvLineFormatterTest {
  @TempDir static Path temp;
  private static SparkSession session;

  @BeforeAll
  static void start() {
    session = SparkTestSupport.freshSession(temp);
  }

  private static final String ROWS = "SELECT * FROM VALUES "
      + "('Caf\u00e9_\ud83d\ude00', array('A', NULL, '\u20ac'), 0, -2147483648, "
      + "9223372036854775807, TIMESTAMP '2024-02-29 23:59:59'), "
      + "(NULL, array(), NULL, 2147483647, -1, NULL), "
      + "('', NULL, 7, 0, 0, TIMESTAMP '1970-01-01 00:00:00'), "
      + "('a|b\\\\N', array(''), -5, 12, 1234567890123, TIMESTAMP '2024-02-01 00:00:00.999') "
      + "AS t(title, items, small, whole, big, at)";

  /** The rows as the scan gives them, copied (the scan reuses its row objects). */
  private static List<InternalRow> internalRows(Dataset<Row> rows) {
    return rows.queryExecution().toRdd().toJavaRDD().map(InternalRow::copy).collect();
  }

  @Test
  void linesAreTheTsvValuesOfTheRowsValues() {
    Dataset<Row> rows = session.sql(ROWS);
    TsvLineFormatter formatter = new TsvLineFormatter("t", rows.schema());
    List<String> expected = new ArrayList<>();
    for (Row row : rows.collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        values.add(TsvValues.format(row.get(i)));
      }
      expected.add(String.join("\t", values));
    }
    List<String> actual = new ArrayList<>();
    for (InternalRow row : internalRows(rows)) {
      actual.add(new String(formatter.format(row), StandardCharsets.UTF_8));
    }
    assertEquals(expected, actual);
    assertEquals("Caf\u00e9_\ud83d\ude00\tA|\\N|\u20ac\t0\t-2147483648\t9223372036854775807\t"
        + "2024-02-29T23:59:59", actual.get(0));
    assertEquals("\\N\t\t\\N\t2147483647\t-1\t\\N", actual.get(1));
  }

  @Test
  void aTabInAnArrayElementNamesTheColumnAndTheRow() {
    Dataset<Row> rows = session.sql("SELECT 'x' AS name, array('ok', 'Tab\\there') AS items");
    TsvLineFormatter formatter = new TsvLineFormatter("t", rows.schema());
    InternalRow row = internalRows(rows).get(0);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> formatter.format(row));
    assertEquals("cannot dump table t: column items holds a tab (dump values are written raw, "
        + "SPEC §6) in row {name=x, items=ok|Tab\\there}", e.getMessage());
    assertEquals(List.of("name", "items"), formatter.columns());
  }
}
