package org.commonsimpact.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import scala.collection.Seq;

/**
 * Text form of one value in {@code bin/cim sql} output and in dumps (SPEC §6, §10): arrays joined
 * with {@code |}, NULL as {@code \N}, booleans {@code true}/{@code false}, timestamps {@code
 * yyyy-MM-dd'T'HH:mm:ss} in UTC, everything else raw.
 */
public final class TsvValues {
  public static final String NULL = "\\N";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private TsvValues() {}

  public static String format(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Timestamp) {
      return format(((Timestamp) value).toInstant());
    }
    if (value instanceof Instant) {
      return LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC).format(TIMESTAMP);
    }
    if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).format(TIMESTAMP);
    }
    if (value instanceof Seq) {
      return joinArray(scala.collection.JavaConverters.seqAsJavaList((Seq<?>) value));
    }
    if (value instanceof List) {
      return joinArray((List<?>) value);
    }
    return value.toString();
  }

  private static String joinArray(List<?> items) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append('|');
      }
      out.append(format(items.get(i)));
    }
    return out.toString();
  }
}
