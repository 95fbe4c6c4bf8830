package org.commonsimpact.publicdumps;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.commonsimpact.common.InvalidInputException;

/**
 * Streaming reader of the public pageview dumps (user agent only), one count at a time.
 *
 * <ul>
 *   <li>{@link Format#COMPLETE_MONTHLY}, {@code pageviews-YYYYMM-user.bz2}: lines
 *       {@code wiki_code page_title page_id access_method total counts}, where {@code counts} is a
 *       run of day letters ({@code A} = day 1 ... {@code Z}, then {@code [ \ ] ^ _} = days 27-31)
 *       each followed by that day's count. Each (day, count) is one record; the hour is unknown.
 *       A title containing {@code "} is written quoted ({@code "\"W\"_x"}) and is unquoted.
 *   <li>{@link Format#HOURLY}, {@code pageviews-YYYYMMDD-HH0000.gz}: lines
 *       {@code domain_code page_title count_views total_response_size}; the day and hour come from
 *       the file name.
 * </ul>
 *
 * <p>A line with the wrong number of fields or a bad count is an error naming the file and line.
 */
final class PageviewReader implements Closeable {
  enum Format { COMPLETE_MONTHLY, HOURLY }

  private final BufferedReader lines;
  private final String name;
  private final Format format;
  private final Integer fileDay;
  private final Integer fileHour;
  private long lineNumber;

  private final List<int[]> pending = new ArrayList<>();
  private int pendingAt;

  // The current record.
  String code;
  String title;
  int day;
  Integer hour;
  long views;

  /** For {@link Format#HOURLY}, {@code day} and {@code hour} come from the file name. */
  PageviewReader(InputStream in, String name, Format format, Integer day, Integer hour) {
    this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    this.name = name;
    this.format = format;
    this.fileDay = day;
    this.fileHour = hour;
  }

  boolean next() {
    while (true) {
      if (pendingAt < pending.size()) {
        int[] dayCount = pending.get(pendingAt++);
        day = dayCount[0];
        views = dayCount[1];
        return true;
      }
      String line;
      try {
        line = lines.readLine();
      } catch (IOException e) {
        throw new InvalidInputException(name + ": line " + (lineNumber + 1)
            + ": truncated or corrupt compressed data (" + e.getMessage() + ")", e);
      }
      if (line == null) {
        return false;
      }
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(" ", -1);
      if (format == Format.HOURLY) {
        if (fields.length != 4) {
          throw bad("expected 4 space-separated fields, found " + fields.length);
        }
        code = fields[0];
        title = fields[1];
        day = fileDay;
        hour = fileHour;
        views = count(fields[2]);
        return true;
      }
      if (fields.length != 6) {
        throw bad("expected 6 space-separated fields, found " + fields.length);
      }
      code = fields[0];
      title = unquote(fields[1]);
      hour = null;
      pending.clear();
      pendingAt = 0;
      parseDays(fields[5]);
    }
  }

  private void parseDays(String counts) {
    int i = 0;
    while (i < counts.length()) {
      int letter = counts.charAt(i);
      int d = letter - 'A' + 1;
      if (d < 1 || d > 31) {
        throw bad("bad day letter '" + (char) letter + "' in counts '" + counts + "'");
      }
      int j = i + 1;
      while (j < counts.length() && Character.isDigit(counts.charAt(j))) {
        j++;
      }
      if (j == i + 1) {
        throw bad("day letter '" + (char) letter + "' without a count in '" + counts + "'");
      }
      long n = count(counts.substring(i + 1, j));
      if (n > Integer.MAX_VALUE) {
        throw bad("count too large in '" + counts + "'");
      }
      pending.add(new int[] {d, (int) n});
      i = j;
    }
  }

  private long count(String text) {
    try {
      long n = Long.parseLong(text);
      if (n < 0) {
        throw bad("negative count '" + text + "'");
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad("not a count: '" + text + "'");
    }
  }

  /** {@code "\"W\"_x"} → {@code "W"_x}; a title without surrounding quotes is kept. */
  static String unquote(String title) {
    if (title.length() < 2 || title.charAt(0) != '"' || title.charAt(title.length() - 1) != '"') {
      return title;
    }
    StringBuilder out = new StringBuilder(title.length());
    for (int i = 1; i < title.length() - 1; i++) {
      char c = title.charAt(i);
      if ((c == '\\' || c == '"') && i + 1 < title.length() - 1 && title.charAt(i + 1) == '"') {
        out.append('"');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private InvalidInputException bad(String message) {
    return new InvalidInputException(name + ": line " + lineNumber + ": " + message);
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
