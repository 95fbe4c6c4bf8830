package org.commonsimpact.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the raw (still percent-encoded) path segments of a request into a {@link PartitionQuery},
 * or refuses them with an {@link InvalidParameterException} naming the first bad parameter.
 *
 * <p>Rules: every segment is percent-decoded ({@link PercentDecoding}); in a category or media
 * file title a space becomes {@code _} (the database form of MediaWiki page titles, which never
 * holds spaces), while a user name is taken as is (MediaWiki stores user names with spaces); none
 * may be empty; {@code category-scope} is {@code
 * shallow}|{@code deep}; {@code edit-type} is {@code create}|{@code update}|{@code
 * all-edit-types}; {@code start}/{@code end} are real dates {@code YYYYMMDD} with {@code end} after
 * {@code start}; {@code year} has four digits; {@code month} is 1–12 with one or two digits.
 */
public final class ParameterParser {
  private static final Pattern DAY = Pattern.compile("[0-9]{8}");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern MONTH = Pattern.compile("[0-9]{1,2}");
  private static final List<String> SCOPES = List.of("shallow", "deep");
  private static final List<String> EDIT_TYPES = List.of("create", "update", "all-edit-types");

  private ParameterParser() {}

  /** Parses {@code rawSegments}, one per parameter of {@code endpoint}, in URL order. */
  public static PartitionQuery parse(Endpoint endpoint, List<String> rawSegments) {
    List<PathParameter> parameters = endpoint.parameters();
    if (rawSegments.size() != parameters.size()) {
      throw new IllegalArgumentException(endpoint + " takes " + parameters.size()
          + " path parameters, got " + rawSegments.size());
    }
    List<Object> values = new ArrayList<>();
    LocalDate start = null;
    for (int i = 0; i < parameters.size(); i++) {
      PathParameter parameter = parameters.get(i);
      String value = decode(parameter, rawSegments.get(i));
      switch (parameter.kind()) {
        case TITLE:
          values.add(title(parameter, value));
          break;
        case USER_NAME:
          values.add(nonEmpty(parameter, value));
          break;
        case WIKI:
          values.add(wiki(parameter, value));
          break;
        case CATEGORY_SCOPE:
          values.add(oneOf(parameter, value, SCOPES));
          break;
        case EDIT_TYPE:
          values.add(oneOf(parameter, value, EDIT_TYPES));
          break;
        case YEAR:
          values.add(year(parameter, value));
          break;
        case MONTH:
          values.add(month(parameter, value));
          break;
        case START:
          start = day(parameter, value);
          values.add(start.atStartOfDay().toInstant(ZoneOffset.UTC));
          break;
        case END:
          LocalDate end = day(parameter, value);
          if (start != null && !end.isAfter(start)) {
            throw new InvalidParameterException(parameter.name(), "invalid end '" + value
                + "': the range [start, end) is empty; end must be a day after start");
          }
          values.add(end.atStartOfDay().toInstant(ZoneOffset.UTC));
          break;
        default:
          throw new IllegalStateException(parameter.kind().toString());
      }
    }
    return new PartitionQuery(endpoint, values);
  }

  private static String decode(PathParameter parameter, String raw) {
    try {
      return PercentDecoding.decode(raw);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(parameter.name(), "invalid " + parameter.name()
          + ": " + e.getMessage());
    }
  }

  private static String title(PathParameter parameter, String value) {
    String title = value.replace(' ', '_');
    if (title.isEmpty()) {
      throw new InvalidParameterException(parameter.name(), "invalid " + parameter.name()
          + ": the title is empty");
    }
    return title;
  }

  private static String nonEmpty(PathParameter parameter, String value) {
    if (value.isEmpty()) {
      throw new InvalidParameterException(parameter.name(), "invalid " + parameter.name()
          + ": empty");
    }
    return value;
  }

  private static String wiki(PathParameter parameter, String value) {
    if (value.isBlank()) {
      throw new InvalidParameterException(parameter.name(), "invalid wiki: empty; expected a "
          + "wiki such as en.wikipedia, or all-wikis");
    }
    return value;
  }

  private static String oneOf(PathParameter parameter, String value, List<String> allowed) {
    if (!allowed.contains(value)) {
      throw new InvalidParameterException(parameter.name(), "invalid " + parameter.name() + " '"
          + value + "': expected " + String.join(", ", allowed.subList(0, allowed.size() - 1))
          + " or " + allowed.get(allowed.size() - 1));
    }
    return value;
  }

  private static int year(PathParameter parameter, String value) {
    if (!YEAR.matcher(value).matches()) {
      throw new InvalidParameterException(parameter.name(), "invalid year '" + value
          + "': expected four digits, e.g. 2024");
    }
    return Integer.parseInt(value);
  }

  private static int month(PathParameter parameter, String value) {
    int month = MONTH.matcher(value).matches() ? Integer.parseInt(value) : 0;
    if (month < 1 || month > 12) {
      throw new InvalidParameterException(parameter.name(), "invalid month '" + value
          + "': expected 1 to 12, e.g. 2 or 02");
    }
    return month;
  }

  private static LocalDate day(PathParameter parameter, String value) {
    if (DAY.matcher(value).matches()) {
      try {
        return LocalDate.of(Integer.parseInt(value.substring(0, 4)),
            Integer.parseInt(value.substring(4, 6)), Integer.parseInt(value.substring(6, 8)));
      } catch (DateTimeException e) {
        // falls through to the error below
      }
    }
    throw new InvalidParameterException(parameter.name(), "invalid " + parameter.name() + " '"
        + value + "': expected a date YYYYMMDD, e.g. 20240201");
  }
}
