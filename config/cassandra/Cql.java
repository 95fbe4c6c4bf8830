import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.ColumnDefinitions;
import com.datastax.driver.core.ResultSet;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.SimpleStatement;
import com.datastax.driver.core.exceptions.QueryValidationException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * {@code bin/cassandra-local cql}: runs one CQL statement against a node and prints the result as
 * TSV (a header row, then one line per row; NULL as {@code \N}, timestamps UTC as
 * {@code yyyy-MM-dd'T'HH:mm:ss}, the format of the golden expected files).
 *
 * <p>A stand-in for cqlsh, which needs Python and the binary tarball: launched as a single source
 * file ({@code java -cp <server jars> Cql.java HOST:PORT STATEMENT}) with the DataStax Java driver
 * 3.x that cassandra-all already ships (for its own tools), so nothing else is fetched. Exit 0 on
 * success, 2 for a statement the server rejects as invalid, 1 for anything else; an error is one
 * {@code error:} line.
 */
public final class Cql {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  public static void main(String[] args) {
    if (args.length != 2 || args[0].lastIndexOf(':') < 0) {
      System.err.println("error: usage: Cql HOST:PORT STATEMENT");
      System.exit(2);
    }
    String host = args[0].substring(0, args[0].lastIndexOf(':'));
    int port = Integer.parseInt(args[0].substring(args[0].lastIndexOf(':') + 1));
    int status = 0;
    try (Cluster cluster = Cluster.builder().addContactPoint(host).withPort(port)
            .withoutMetrics().withoutJMXReporting().build();
        Session session = cluster.connect()) {
      ResultSet rows = session.execute(new SimpleStatement(args[1]).setFetchSize(1000));
      print(rows);
    } catch (QueryValidationException e) {
      System.err.println("error: invalid statement: " + oneLine(e));
      status = 2;
    } catch (RuntimeException e) {
      System.err.println("error: " + args[0] + ": " + oneLine(e));
      status = 1;
    }
    System.exit(status);
  }

  private static void print(ResultSet rows) {
    ColumnDefinitions columns = rows.getColumnDefinitions();
    if (columns.size() == 0) {
      return;
    }
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (ColumnDefinitions.Definition column : columns) {
      names.add(column.getName());
    }
    out.append(String.join("\t", names)).append('\n');
    for (Row row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          out.append('\t');
        }
        out.append(format(row.getObject(i)));
      }
      out.append('\n');
    }
    System.out.print(out);
  }

  private static String format(Object value) {
    if (value == null) {
      return "\\N";
    }
    if (value instanceof Date) {
      return TIMESTAMP.format(((Date) value).toInstant());
    }
    return value.toString();
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
