package org.commonsimpact.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.CimSession;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Tables;

/**
 * What a warehouse publishes, in a form tests compare: every row of every {@code commons.*} and
 * {@code serving.*} table (as sorted TSV lines), and the SHA-256 of every file under the dumps root
 * (hidden and temporary files included, so that leftovers show).
 */
final class PublishedState {
  private PublishedState() {}

  static Map<String, Object> of(String warehouse, Path dumpsRoot) {
    Map<String, Object> state = new TreeMap<>();
    SparkSession session = CimSession.open(warehouse);
    for (String namespace : new String[] {Tables.COMMONS, Tables.SERVING}) {
      for (Row table : session.sql("SHOW TABLES IN " + namespace).collectAsList()) {
        String name = namespace + "." + table.getString(1);
        state.put(name, SparkTestSupport.sortedTsvLines(session.table(name)));
      }
    }
    if (Files.isDirectory(dumpsRoot)) {
      try (Stream<Path> files = Files.walk(dumpsRoot)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          state.put("dumps/" + dumpsRoot.relativize(file), sha256(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return state;
  }

  /** The current Iceberg snapshot id of every published table: shows which tables a run rewrote. */
  static Map<String, Long> snapshotIds(String warehouse) {
    Map<String, Long> ids = new TreeMap<>();
    SparkSession session = CimSession.open(warehouse);
    for (String namespace : new String[] {Tables.COMMONS, Tables.SERVING}) {
      for (Row table : session.sql("SHOW TABLES IN " + namespace).collectAsList()) {
        String name = namespace + "." + table.getString(1);
        ids.put(name, session.sql("SELECT snapshot_id FROM " + name
            + ".snapshots ORDER BY committed_at DESC LIMIT 1").first().getLong(0));
      }
    }
    return ids;
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
