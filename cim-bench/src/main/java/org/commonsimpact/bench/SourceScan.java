package org.commonsimpact.bench;

import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.SourceTables;

/**
 * Times one full read of the nine source tables: every row and every column decoded, nothing
 * written (Spark's {@code noop} sink). It is the yardstick of the benchmark's scan ratio: no
 * pipeline over these tables can take less than reading them once, so the month's time divided by
 * this one says how many "reads" the pipeline costs.
 */
final class SourceScan {
  private SourceScan() {}

  /** Seconds to read every source table once, one table after the other. */
  static double seconds(SparkSession session) {
    long start = System.nanoTime();
    for (SourceTables table : SourceTables.values()) {
      session.table(table.qualifiedName()).write().format("noop").mode("overwrite").save();
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
