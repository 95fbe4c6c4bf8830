package org.commonsimpact.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The month a run is for, {@code YYYY-MM}; validated before Spark starts (SPEC §2.3). */
public final class Month implements Comparable<Month> {
  private static final Pattern FORMAT = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private final YearMonth value;

  private Month(YearMonth value) {
    this.value = value;
  }

  /** Parses {@code YYYY-MM}; anything else is an {@link InvalidInputException}. */
  public static Month parse(String text) {
    if (text == null || !FORMAT.matcher(text).matches()) {
      throw new InvalidInputException(
          "invalid month '" + text + "': expected YYYY-MM with a month from 01 to 12");
    }
    return new Month(YearMonth.parse(text));
  }

  /** Every month from {@code from} to {@code to}, both included. */
  public static List<Month> range(Month from, Month to) {
    if (to.compareTo(from) < 0) {
      throw new InvalidInputException("invalid month range: --to " + to + " is before --from " + from);
    }
    List<Month> months = new ArrayList<>();
    for (YearMonth m = from.value; !m.isAfter(to.value); m = m.plusMonths(1)) {
      months.add(new Month(m));
    }
    return months;
  }

  public int year() {
    return value.getYear();
  }

  public int monthNumber() {
    return value.getMonthValue();
  }

  public int lengthInDays() {
    return value.lengthOfMonth();
  }

  public LocalDate firstDay() {
    return value.atDay(1);
  }

  /** The MediaWiki snapshot partition value of this month. */
  public String snapshot() {
    return toString();
  }

  /** {@code yyyyMMddHHmmss} of the first second of this month, as MediaWiki stores timestamps. */
  public String mediawikiStart() {
    return String.format("%04d%02d01000000", year(), monthNumber());
  }

  /** {@code yyyyMMddHHmmss} of the first second of the next month (exclusive end). */
  public String mediawikiEnd() {
    return new Month(value.plusMonths(1)).mediawikiStart();
  }

  @Override
  public int compareTo(Month other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Month && ((Month) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
