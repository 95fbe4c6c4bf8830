package org.commonsimpact.app;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.TsvValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cim sql}: prints a query's result as TSV. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = {
      "Run one SparkSQL query against the warehouse and print its result on stdout as TSV: a "
          + "header row of column names, then one line per row.",
      "",
      "Arrays are joined with |, NULL is \\N, booleans true/false, timestamps "
          + "yyyy-MM-dd'T'HH:mm:ss (UTC). Base-table rows printed this way equal their dump lines.",
      "",
      "Tables: source.<table> (nine inputs), commons.category_graph, commons.<base table>, "
          + "serving.<table>. Example:",
      "  cim sql --warehouse wh \"SELECT * FROM commons.category_graph WHERE is_primary\""
    })
final class SqlCommand implements Runnable {
  @Mixin WarehouseOption warehouse;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SparkSQL query.")
  String query;

  @Override
  public void run() {
    SparkSession session = CimSession.open(warehouse.warehouse);
    Dataset<Row> result;
    try {
      result = session.sql(query);
    } catch (Exception e) {
      // Scala throws AnalysisException (parse errors, unknown tables) without declaring it.
      if ((Object) e instanceof AnalysisException) {
        throw new InvalidInputException("invalid query: " + e.getMessage(), e);
      }
      throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    }
    try {
      BufferedWriter out =
          new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
      out.write(String.join("\t", result.columns()));
      out.write('\n');
      Iterator<Row> rows = result.toLocalIterator();
      while (rows.hasNext()) {
        Row row = rows.next();
        for (int i = 0; i < row.length(); i++) {
          if (i > 0) {
            out.write('\t');
          }
          out.write(TsvValues.format(row.get(i)));
        }
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
