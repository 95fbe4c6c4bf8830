package org.commonsimpact.common;

import java.io.File;
import java.net.URI;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the Spark session every stage runs in: Iceberg catalog {@code cim} as the default catalog,
 * session time zone UTC (SPEC §10).
 *
 * <p>Without a master from {@code spark-submit}, it runs in local mode ({@code local[*]}) with an
 * Iceberg Hadoop catalog rooted at the warehouse folder. On a cluster, catalog settings come from
 * the properties file ({@code config/}); when it names a catalog type or implementation for {@code
 * cim}, that is kept and only the warehouse is set. One JVM may open sessions for several warehouses
 * (tests do): they share one SparkContext, each with its own catalog.
 */
public final class CimSession {
  public static final String CATALOG = "cim";
  private static final String CATALOG_CONF = "spark.sql.catalog." + CATALOG;
  private static final String ICEBERG_DISTRIBUTION_MODE = "spark.sql.iceberg.distribution-mode";

  private CimSession() {}

  /** A new session whose default catalog {@code cim} is rooted at {@code warehouse}. */
  public static SparkSession open(String warehouse) {
    SparkSession base = baseSession();
    SparkSession session = base.newSession();
    SparkConf conf = base.sparkContext().getConf();
    session.conf().set(CATALOG_CONF, "org.apache.iceberg.spark.SparkCatalog");
    if (!conf.contains(CATALOG_CONF + ".type") && !conf.contains(CATALOG_CONF + ".catalog-impl")) {
      session.conf().set(CATALOG_CONF + ".type", "hadoop");
    }
    session.conf().set(CATALOG_CONF + ".warehouse", qualify(warehouse));
    // Several sessions of one JVM may write the same tables: always read fresh metadata.
    session.conf().set(CATALOG_CONF + ".cache-enabled", "false");
    session.conf().set(CATALOG_CONF + ".table-default.format-version", "2");
    session.conf().set(CATALOG_CONF + ".table-default.write.spark.fanout.enabled", "true");
    // Every write replaces one month, i.e. one partition: Iceberg's default hash distribution by
    // partition would send the whole month through one task. Write with the plan's parallelism.
    if (!session.conf().contains(ICEBERG_DISTRIBUTION_MODE)) {
      session.conf().set(ICEBERG_DISTRIBUTION_MODE, "none");
    }
    session.conf().set("spark.sql.defaultCatalog", CATALOG);
    session.conf().set("spark.sql.session.timeZone", "UTC");
    // Unparseable timestamps become NULL (and are then reported), never a lenient legacy parse.
    session.conf().set("spark.sql.legacy.timeParserPolicy", "CORRECTED");
    for (String namespace : new String[] {Tables.SOURCE, Tables.COMMONS, Tables.SERVING}) {
      session.sql("CREATE NAMESPACE IF NOT EXISTS " + CATALOG + "." + namespace);
    }
    return session;
  }

  /** Whether the JVM runs Spark in local mode (no cluster manager). */
  public static boolean isLocal() {
    return baseSession().sparkContext().isLocal();
  }

  private static synchronized SparkSession baseSession() {
    SparkConf given = new SparkConf();
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(given.get("spark.app.name", "commons-impact-metrics"))
            .config("spark.sql.extensions",
                "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
            .config("spark.sql.session.timeZone", "UTC");
    if (!given.contains("spark.master")) {
      int cores = Runtime.getRuntime().availableProcessors();
      builder
          .master("local[*]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", given.get("spark.ui.enabled", "false"))
          .config("spark.sql.shuffle.partitions",
              given.get("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, 2 * cores))));
    }
    return builder.getOrCreate();
  }

  /** Local paths become absolute {@code file:} URIs; URIs with a scheme are kept as given. */
  static String qualify(String warehouse) {
    if (warehouse == null || warehouse.isBlank()) {
      throw new InvalidInputException("--warehouse is required");
    }
    URI uri = URI.create(warehouse.replace(" ", "%20"));
    if (uri.getScheme() != null && uri.getScheme().length() > 1) {
      return warehouse;
    }
    return new File(warehouse).getAbsoluteFile().toURI().toString();
  }
}
