package org.commonsimpact.dumps;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Formats a base table's rows as dump lines and sorts them by their UTF-8 bytes, into ordered
 * partitions ready for {@link ParallelBzip2Writer}.
 *
 * <p>The lines are range-partitioned on their bytes (Spark orders BINARY values by unsigned bytes,
 * which for UTF-8 is code point order) and sorted within each partition. The number of partitions
 * only sets how many tasks compress at once; it does not change the output bytes. It is chosen from
 * the planner's size estimate: one partition for small inputs, up to twice the default parallelism
 * for large ones, so that compression tasks come in even waves over the cores.
 */
public final class SortedLines {
  private SortedLines() {}

  /**
   * The sorted lines of {@code rows}, a base table's rows with its columns in order, as the dumps
   * stage writes them; persisted: the caller unpersists them when written. The dumps benchmark
   * (cim-bench) prepares its input with it.
   */
  public static JavaRDD<byte[]> ofBaseTable(Dataset<Row> rows, String table, long streamBytes) {
    return of(rows, table, DumpStage.columnNames(table), streamBytes);
  }

  /**
   * The sorted lines of {@code rows} (whose columns are {@code columns}, in order), persisted: the
   * caller unpersists them when written.
   */
  static JavaRDD<byte[]> of(Dataset<Row> rows, String table, List<String> columns,
      long streamBytes) {
    Dataset<byte[]> lines =
        rows.mapPartitions(new TsvLineFormatter(table, columns), Encoders.BINARY());
    int partitions = partitions(rows, streamBytes);
    return lines.repartitionByRange(partitions, lines.col("value"))
        .sortWithinPartitions(lines.col("value"))
        .javaRDD()
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  private static int partitions(Dataset<Row> rows, long streamBytes) {
    int cores = Math.max(1, rows.sparkSession().sparkContext().defaultParallelism());
    scala.math.BigInt size = rows.queryExecution().optimizedPlan().stats().sizeInBytes();
    long estimate = size.isValidLong() ? size.longValue() : Long.MAX_VALUE;
    return (int) Math.max(1, Math.min(2L * cores, estimate / streamBytes));
  }
}
