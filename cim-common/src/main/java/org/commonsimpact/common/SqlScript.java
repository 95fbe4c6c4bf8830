package org.commonsimpact.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSQL stage file of the top-level {@code sql/} folder: a single query whose header says
 * what it computes, its parameters and its inputs and outputs.
 *
 * <p>Files are packaged on the classpath under {@code sql/<stage>/<name>.sql}. Parameters are
 * written {@code ${name}} in the file and replaced by values the caller has already validated
 * (months, integers), never by free text.
 */
public final class SqlScript {
  private static final Pattern PARAMETER = Pattern.compile("\\$\\{([a-z_]+)}");

  private final String resource;
  private final String text;

  private SqlScript(String resource, String text) {
    this.resource = resource;
    this.text = text;
  }

  /** Loads {@code sql/<stage>/<name>.sql} from the classpath. */
  public static SqlScript load(String stage, String name) {
    String resource = "sql/" + stage + "/" + name + ".sql";
    try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("SQL file missing from the classpath: " + resource);
      }
      return new SqlScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The query text with every {@code ${name}} replaced; a parameter left unbound is a bug. */
  public String bind(Map<String, ?> parameters) {
    Matcher m = PARAMETER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = parameters.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(resource + " needs parameter ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Runs the query and returns its result (lazily, as Spark does). Its {@code source.<table>}
   * references read the session's bound sources ({@link SourceBinding#resolve}).
   */
  public Dataset<Row> run(SparkSession session, Map<String, ?> parameters) {
    return session.sql(SourceBinding.resolve(session, bind(parameters)));
  }

  public String resource() {
    return resource;
  }
}
