package org.commonsimpact.dumps;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Formats a base table's rows as dump lines and sorts them by their UTF-8 bytes, into ordered
 * partitions ready for {@link ParallelBzip2Writer}.
 *
 * <p>Each row is formatted once ({@link TsvLineFormatter}, straight from the scan's internal
 * rows), and the lines are persisted: the range partitioner's sampling job, which reads the whole
 * input, is the job that formats them, and the shuffle then reads them from memory instead of
 * scanning and formatting the table a second time.
 *
 * <p>The lines are range-partitioned on their bytes and sorted within each partition. They are
 * sorted as a STRING column holding the line's bytes (the casts between BINARY and STRING copy the
 * bytes as they are): Spark orders both types by unsigned bytes ({@link UTF8String#compareTo},
 * which for UTF-8 is code point order), but compares STRING values in place, where the sort of a
 * BINARY column copies both values out of their rows at every comparison (about twice the sort's
 * time on the dumps' lines). The number of partitions
 * only sets how many tasks compress at once; it does not change the output bytes. It is chosen from
 * the planner's size estimate: one partition for small inputs, up to four times the default
 * parallelism for large ones, so that compression tasks come in even waves over the cores and the
 * last task of the last table, which may run alone, is short.
 *
 * <p>Both the formatted and the sorted lines are persisted ({@link StorageLevel#MEMORY_AND_DISK()},
 * spilling to disk rather than holding a table in memory); {@link #releaseFormatted} releases the
 * formatted ones once the sorted ones are materialized, {@link #close} both.
 */
public final class SortedLines implements AutoCloseable {
  private final JavaRDD<byte[]> formatted;
  private final JavaRDD<byte[]> sorted;

  private SortedLines(JavaRDD<byte[]> formatted, JavaRDD<byte[]> sorted) {
    this.formatted = formatted;
    this.sorted = sorted;
  }

  /**
   * The sorted lines of {@code rows}, a base table's rows with its columns in order, as the dumps
   * stage writes them. The dumps benchmark (cim-bench) prepares its input with it.
   */
  public static SortedLines ofBaseTable(Dataset<Row> rows, String table, long streamBytes) {
    return of(rows, table, streamBytes);
  }

  /** The sorted lines of {@code rows}, whose columns are the dump's fields, in order. */
  static SortedLines of(Dataset<Row> rows, String table, long streamBytes) {
    TsvLineFormatter formatter = new TsvLineFormatter(table, rows.schema());
    JavaRDD<byte[]> formatted = rows.queryExecution().toRdd().toJavaRDD()
        .mapPartitions(formatter::lines)
        .persist(StorageLevel.MEMORY_AND_DISK());
    SparkSession session = rows.sparkSession();
    Dataset<Row> lines = session.createDataset(formatted.rdd(), Encoders.BINARY())
        .selectExpr("CAST(value AS STRING) AS line");
    int partitions = partitions(rows, streamBytes);
    JavaRDD<byte[]> sorted = lines.repartitionByRange(partitions, lines.col("line"))
        .sortWithinPartitions(lines.col("line"))
        .selectExpr("CAST(line AS BINARY) AS value")
        .as(Encoders.BINARY())
        .javaRDD()
        .persist(StorageLevel.MEMORY_AND_DISK());
    return new SortedLines(formatted, sorted);
  }

  /** The lines in file order: partition by partition, each sorted. */
  public JavaRDD<byte[]> lines() {
    return sorted;
  }

  /**
   * Releases the formatted lines once the sorted ones are persisted (after a job has read them
   * all), so that a table holds one copy of its lines while it is compressed; without waiting.
   */
  public void releaseFormatted() {
    formatted.unpersist(false);
  }

  /** Releases the persisted lines (without waiting). */
  @Override
  public void close() {
    sorted.unpersist(false);
    formatted.unpersist(false);
  }

  private static int partitions(Dataset<Row> rows, long streamBytes) {
    int cores = Math.max(1, rows.sparkSession().sparkContext().defaultParallelism());
    scala.math.BigInt size = rows.queryExecution().optimizedPlan().stats().sizeInBytes();
    long estimate = size.isValidLong() ? size.longValue() : Long.MAX_VALUE;
    return (int) Math.max(1, Math.min(4L * cores, estimate / streamBytes));
  }
}
