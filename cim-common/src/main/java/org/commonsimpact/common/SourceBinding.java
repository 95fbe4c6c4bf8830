package org.commonsimpact.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.HiveTableRelation;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import scala.collection.JavaConverters;

/**
 * Where each of the nine logical source tables of SPEC §2.1 is read from: a sources file binds a
 * logical name to a table of any catalog Spark knows, or to a {@code SELECT} that yields the SPEC
 * columns; names it does not bind stay {@code source.<name>} in the default catalog {@code cim}.
 *
 * <p>The file is a Java properties file, {@code <logical name> = <table identifier | SELECT ...>}
 * (continuation lines end with a backslash). It is given by {@code --sources FILE} or by the Spark
 * property {@value #SPARK_PROPERTY}; a local path or a Hadoop file system URI.
 *
 * <p>{@link #apply} checks every binding before any stage runs (the table exists, has the SPEC
 * columns, their types cast to the SPEC types) and registers each bound source as a temporary view
 * {@code cim_source_<name>} holding exactly the SPEC columns with the SPEC types. The SQL stage files
 * keep reading {@code source.<name>}: {@link #resolve} points those references at the views when
 * the session has a binding. Filters on the views reach the underlying tables, so partitions are
 * pruned as on the tables themselves. Nothing is ever written through a binding.
 */
public final class SourceBinding {
  /** The Spark property naming the sources file, for {@code spark-submit --conf}. */
  public static final String SPARK_PROPERTY = "spark.cim.sources";

  private static final String VIEW_PREFIX = "cim_source_";
  /** Session properties recording, per bound logical name, the binding's value. */
  private static final String BOUND_PREFIX = "cim.sources.bound.";

  private static final Pattern SOURCE_REFERENCE =
      Pattern.compile("(?<![\\w.`])source\\.([a-z_]+)\\b");

  private static final Pattern QUERY = Pattern.compile("\\s*(\\(|(SELECT|WITH)\\b)",
      Pattern.CASE_INSENSITIVE);

  private final String origin;
  private final Map<SourceTables, String> values;

  private SourceBinding(String origin, Map<SourceTables, String> values) {
    this.origin = origin;
    this.values = values;
  }

  /** Parses a sources file's text; {@code origin} names the file in errors. */
  public static SourceBinding parse(String origin, Reader text) {
    Properties properties = new Properties();
    try {
      properties.load(text);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("sources " + origin + ": not a properties file: "
          + e.getMessage(), e);
    }
    Map<SourceTables, String> values = new EnumMap<>(SourceTables.class);
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      SourceTables table = logical(name.trim());
      if (table == null) {
        throw new InvalidInputException("sources " + origin + ": unknown logical table '" + name
            + "' (the tables are " + logicalNames() + ")");
      }
      String value = properties.getProperty(name).trim();
      if (value.isEmpty()) {
        throw new InvalidInputException("sources " + origin + ": " + table.tableName()
            + ": no table or query given");
      }
      values.put(table, value);
    }
    return new SourceBinding(origin, values);
  }

  /** Reads a sources file from a local path or a Hadoop file system URI. */
  public static SourceBinding read(String location, Configuration hadoopConf) {
    try {
      URI uri = URI.create(location.replace(" ", "%20"));
      Path path = uri.getScheme() != null && uri.getScheme().length() > 1
          ? new Path(location)
          : new Path(new java.io.File(location).getAbsoluteFile().toURI());
      FileSystem fs = path.getFileSystem(hadoopConf);
      if (!fs.isFile(path)) {
        throw new InvalidInputException("sources " + location + ": no such file");
      }
      try (InputStream in = fs.open(path);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parse(location, reader);
      }
    } catch (IOException e) {
      throw new InvalidInputException("sources " + location + ": cannot read: " + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("sources " + location + ": not a valid path", e);
    }
  }

  /** Parses sources given as text (tests). */
  public static SourceBinding of(String text) {
    return parse("(text)", new StringReader(text));
  }

  /**
   * The sources file named by {@code --sources} ({@code location}, may be null) or else by the
   * Spark property {@value #SPARK_PROPERTY}, applied to the session; without either, nothing is
   * bound and every source stays {@code source.<name>}.
   */
  public static void applyConfigured(SparkSession session, String location) {
    String file = location != null
        ? location
        : session.sparkContext().getConf().get(SPARK_PROPERTY, null);
    if (file != null && !file.isBlank()) {
      read(file, session.sparkContext().hadoopConfiguration()).apply(session);
    }
  }

  /** The logical tables this file binds, with their values. */
  public Map<SourceTables, String> values() {
    return values;
  }

  /**
   * Checks every binding against the session's catalogs and registers the bound sources as
   * temporary views; the first problem is an {@link InvalidInputException} naming the logical table.
   */
  public void apply(SparkSession session) {
    Map<SourceTables, String> views = new LinkedHashMap<>();
    for (Map.Entry<SourceTables, String> e : values.entrySet()) {
      views.put(e.getKey(), viewQuery(session, e.getKey(), e.getValue()));
    }
    for (Map.Entry<SourceTables, String> e : views.entrySet()) {
      session.sql("CREATE OR REPLACE TEMPORARY VIEW " + viewName(e.getKey()) + " AS "
          + e.getValue());
      session.conf().set(BOUND_PREFIX + e.getKey().tableName(), values.get(e.getKey()));
    }
  }

  /** The query of the view for one binding, after checking the binding. */
  private String viewQuery(SparkSession session, SourceTables table, String value) {
    boolean query = isQuery(value);
    Dataset<Row> frame;
    try {
      if (query) {
        // Analyzed as a subquery, which only a query can be: a statement that writes (such as
        // WITH ... INSERT) fails to parse instead of running.
        frame = session.sql(subquery(value));
      } else {
        session.sessionState().sqlParser().parseMultipartIdentifier(value);
        frame = session.table(value);
      }
    } catch (Exception e) {
      if (!(e instanceof AnalysisException)) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      throw problem(table, query
          ? "not a query that runs: " + firstLine(e.getMessage())
          : "table " + value + " not found or not readable: " + firstLine(e.getMessage()));
    }
    Map<String, DataType> actual = new LinkedHashMap<>();
    for (StructField field : frame.schema().fields()) {
      actual.put(field.name().toLowerCase(Locale.ROOT), field.dataType());
    }
    List<String> missing = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      DataType type = actual.get(field.name());
      if (type == null) {
        missing.add(field.name());
      } else if (type.equals(field.dataType())) {
        select.add("`" + field.name() + "`");
      } else if (Cast.canCast(type, field.dataType())) {
        select.add("CAST(`" + field.name() + "` AS " + field.dataType().sql() + ") AS `"
            + field.name() + "`");
      } else {
        throw problem(table, "column " + field.name() + " is " + type.sql()
            + ", which does not cast to " + field.dataType().sql());
      }
    }
    if (!missing.isEmpty()) {
      throw problem(table, (query ? "the query" : "table " + value) + " lacks column(s) "
          + String.join(", ", missing));
    }
    if (query) {
      List<String> extra = new ArrayList<>(actual.keySet());
      extra.removeAll(List.of(table.schema().fieldNames()));
      if (!extra.isEmpty()) {
        throw problem(table, "the query yields column(s) " + String.join(", ", extra)
            + " that are not among the SPEC columns " + String.join(", ",
                table.schema().fieldNames()));
      }
      return "SELECT " + String.join(", ", select) + " FROM (" + value + "\n) AS bound";
    }
    return "SELECT " + String.join(", ", select) + " FROM " + value;
  }

  private InvalidInputException problem(SourceTables table, String what) {
    return new InvalidInputException("sources " + origin + ": " + table.tableName() + ": " + what);
  }

  private static String subquery(String query) {
    return "SELECT * FROM (" + query + "\n) AS bound";
  }

  /** Whether a value is a query rather than a table identifier. */
  static boolean isQuery(String value) {
    return QUERY.matcher(value).lookingAt();
  }

  /** The temporary view a bound source is read through. */
  static String viewName(SourceTables table) {
    return VIEW_PREFIX + table.tableName();
  }

  /** The binding's value for a logical table in this session, or null when it is not bound. */
  public static String bound(SparkSession session, SourceTables table) {
    return session.conf().get(BOUND_PREFIX + table.tableName(), null);
  }

  /** The relation to read a logical table from: its view when bound, else {@code source.<name>}. */
  public static String relation(SparkSession session, SourceTables table) {
    return bound(session, table) != null ? viewName(table) : table.qualifiedName();
  }

  /**
   * The tables whose partition metadata tells which months a source holds: {@code source.<name>},
   * the bound table, or every table a bound query reads; null when a query reads something that is
   * not a catalog table.
   */
  public static List<String> metadataTables(SparkSession session, SourceTables table) {
    String value = bound(session, table);
    if (value == null) {
      return List.of(table.qualifiedName());
    }
    if (!isQuery(value)) {
      return List.of(value);
    }
    List<String> names = new ArrayList<>();
    LogicalPlan plan = session.table(viewName(table)).queryExecution().analyzed();
    for (LogicalPlan leaf : JavaConverters.seqAsJavaList(plan.collectLeaves())) {
      String name = catalogTableName(leaf);
      if (name == null) {
        return null;
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** The catalog name of a relation that reads a catalog table, else null. */
  private static String catalogTableName(LogicalPlan leaf) {
    TableIdentifier v1 = null;
    if (leaf instanceof HiveTableRelation hive) {
      v1 = hive.tableMeta().identifier();
    } else if (leaf instanceof LogicalRelation relation && relation.catalogTable().isDefined()) {
      v1 = relation.catalogTable().get().identifier();
    } else if (leaf instanceof DataSourceV2Relation v2 && v2.catalog().isDefined()
        && v2.identifier().isDefined()) {
      return v2.catalog().get().name() + "." + v2.identifier().get();
    }
    if (v1 == null || v1.database().isEmpty()) {
      return null;
    }
    return "spark_catalog.`" + v1.database().get() + "`.`" + v1.table() + "`";
  }

  /**
   * Where each logical table is read from in this session, for the run report: {@code default:
   * source.<name>}, {@code table: <identifier>} or {@code query: SELECT ...}.
   */
  public static Map<String, String> describe(SparkSession session) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SourceTables table : SourceTables.values()) {
      String value = bound(session, table);
      out.put(table.tableName(), value == null
          ? "default: " + table.qualifiedName()
          : (isQuery(value) ? "query: " : "table: ") + value.replaceAll("\\s+", " "));
    }
    return out;
  }

  /**
   * A stage query with each {@code source.<name>} reference pointed at the bound source's view;
   * unchanged when the session binds nothing.
   */
  public static String resolve(SparkSession session, String sql) {
    Matcher m = SOURCE_REFERENCE.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      SourceTables table = logical(m.group(1));
      String replacement = table != null && bound(session, table) != null
          ? viewName(table)
          : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static SourceTables logical(String name) {
    for (SourceTables table : SourceTables.values()) {
      if (table.tableName().equals(name)) {
        return table;
      }
    }
    return null;
  }

  private static String logicalNames() {
    List<String> names = new ArrayList<>();
    for (SourceTables table : SourceTables.values()) {
      names.add(table.tableName());
    }
    return String.join(", ", names);
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
