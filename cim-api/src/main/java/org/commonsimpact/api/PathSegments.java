package org.commonsimpact.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Builds request paths, the inverse of {@link ParameterParser}: for clients, tests and the bench. */
public final class PathSegments {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private PathSegments() {}

  /** Percent-encodes {@code value} as UTF-8, leaving only RFC 3986 unreserved characters bare. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** {@code YYYYMMDD} of an instant, in UTC. */
  public static String day(Instant instant) {
    return DAY.format(instant.atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** {@code YYYYMMDD} of a date. */
  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** {@code /metrics/commons-analytics/<endpoint>/<v1>/<v2>…} with each value encoded. */
  public static String path(Endpoint endpoint, List<String> values) {
    if (values.size() != endpoint.parameters().size()) {
      throw new IllegalArgumentException(endpoint + " takes " + endpoint.parameters().size()
          + " values, got " + values);
    }
    StringBuilder path = new StringBuilder(Endpoint.BASE_PATH).append('/').append(endpoint.name());
    for (String value : values) {
      path.append('/').append(encode(value));
    }
    return path.toString();
  }
}
