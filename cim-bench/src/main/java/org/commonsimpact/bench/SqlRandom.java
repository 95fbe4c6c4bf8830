package org.commonsimpact.bench;

import java.util.List;
import java.util.StringJoiner;

/**
 * Spark SQL expressions for deterministic pseudo-randomness: every draw is a hash of (seed, a
 * tag naming the draw, a row key). A value therefore depends only on the seed and the row's key,
 * never on partitioning, task order or the number of cores, so one seed always gives one world.
 *
 * <p>All methods return SQL text; arguments named {@code key} are SQL expressions of type BIGINT.
 */
final class SqlRandom {
  private static final long MANTISSA_MASK = (1L << 53) - 1;
  private static final double TWO_POW_53 = 9007199254740992.0;

  private final long seed;

  SqlRandom(long seed) {
    this.seed = seed;
  }

  /** A uniform double in [0, 1) for draw {@code tag} of row {@code key}. */
  String u(String tag, String key) {
    return "((xxhash64(" + seed + "L, " + lit(tag) + ", " + key + ") & " + MANTISSA_MASK
        + "L) / " + TWO_POW_53 + "D)";
  }

  /** Whether draw {@code tag} of row {@code key} falls below probability {@code p}. */
  String chance(String tag, String key, double p) {
    return "(" + u(tag, key) + " < " + p + "D)";
  }

  /** A uniform integer in [0, n). */
  String uniform(String tag, String key, long n) {
    return "LEAST(" + (n - 1) + "L, CAST(FLOOR(" + u(tag, key) + " * " + n + "D) AS BIGINT))";
  }

  /**
   * A rank in [0, n) drawn from a Zipf law with exponent 1 (log-uniform): rank r has probability
   * ln((r + 2) / (r + 1)) / ln(n + 1), so rank 0 is the most frequent and frequencies fall as 1/r.
   */
  String zipf(String tag, String key, long n) {
    return "LEAST(" + (n - 1) + "L, GREATEST(0L, CAST(FLOOR(EXP(" + u(tag, key) + " * "
        + Math.log(n + 1.0) + "D)) AS BIGINT) - 1))";
  }

  /**
   * An index in [0, n) drawn as {@code floor(n * u^k)}: for k &gt; 1 low indexes are favoured with
   * a power-law density (index i has weight about i^(1/k - 1)).
   */
  String power(String tag, String key, long n, double k) {
    return "LEAST(" + (n - 1) + "L, CAST(FLOOR(" + n + "D * POW(" + u(tag, key) + ", " + k
        + "D)) AS BIGINT))";
  }

  /** One of {@code values}, uniformly. */
  String pick(String tag, String key, List<String> values) {
    StringJoiner array = new StringJoiner(", ", "array(", ")");
    values.forEach(v -> array.add(lit(v)));
    return "element_at(" + array + ", CAST(" + uniform(tag, key, values.size()) + " AS INT) + 1)";
  }

  /** A Pareto-tailed count &ge; 1 (exponent {@code alpha}), capped at {@code cap}. */
  String pareto(String tag, String key, double alpha, long cap) {
    return "LEAST(" + cap + "L, CAST(FLOOR(1.0D / POW(1.0D - " + u(tag, key) + ", " + (1.0 / alpha)
        + "D)) AS BIGINT))";
  }

  /** A Spark SQL string literal. */
  static String lit(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** A SQL array literal of strings. */
  static String array(List<String> values) {
    StringJoiner array = new StringJoiner(", ", "array(", ")");
    values.forEach(v -> array.add(lit(v)));
    return array.toString();
  }
}
