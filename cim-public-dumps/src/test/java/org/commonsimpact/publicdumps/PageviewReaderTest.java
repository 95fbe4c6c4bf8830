package org.commonsimpact.publicdumps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageviewReaderTest {
  @TempDir Path temp;

  private static List<String> read(Path file, PageviewReader.Format format, Integer day,
      Integer hour) {
    List<String> out = new ArrayList<>();
    try (PageviewReader r = new PageviewReader(DumpStreams.open(file), file.toString(), format,
        day, hour)) {
      while (r.next()) {
        out.add(r.code + " " + r.title + " " + r.day + " " + r.hour + " " + r.views);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Test
  void monthlyCompleteLinesGiveOneCountPerDay() {
    Path file = DumpFiles.write(temp.resolve("pageviews-202402-user.bz2"),
        "en.wikipedia Art 3983 desktop 12 A5B7\n"
            + "en.wikipedia Art 3983 mobile-web 3 Z1[1\\1]1^1_1\n"
            + "commons.wikimedia \"\\\"W\\\"_x\" null desktop 2 C2\n"
            + "wikidata Q1 null mobile-app 1 D1\n");
    assertEquals(List.of(
        "en.wikipedia Art 1 null 5", "en.wikipedia Art 2 null 7",
        "en.wikipedia Art 26 null 1", "en.wikipedia Art 27 null 1", "en.wikipedia Art 28 null 1",
        "en.wikipedia Art 29 null 1", "en.wikipedia Art 30 null 1", "en.wikipedia Art 31 null 1",
        "commons.wikimedia \"W\"_x 3 null 2",
        "wikidata Q1 4 null 1"), read(file, PageviewReader.Format.COMPLETE_MONTHLY, null, null));
  }

  @Test
  void hourlyLinesTakeDayAndHourFromTheFile() {
    Path file = DumpFiles.write(temp.resolve("pageviews-20240203-170000.gz"),
        "en Art 10 0\nen.m Art 3 0\ncommons.m File:X.jpg 2 0\n");
    assertEquals(List.of("en Art 3 17 10", "en.m Art 3 17 3", "commons.m File:X.jpg 3 17 2"),
        read(file, PageviewReader.Format.HOURLY, 3, 17));
  }

  @Test
  void badLinesNameFileAndLine() {
    Map<String, String> monthly = Map.of(
        "en.wikipedia Art 1 desktop 12\n", "line 1: expected 6 space-separated fields",
        "x y 1 desktop 1 A1\nen.wikipedia Art 1 desktop 12 a5\n", "line 2: bad day letter 'a'",
        "en.wikipedia Art 1 desktop 12 AB5\n", "day letter 'A' without a count");
    for (Map.Entry<String, String> c : monthly.entrySet()) {
      Path file = DumpFiles.write(temp.resolve("m.bz2"), c.getKey());
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> read(file, PageviewReader.Format.COMPLETE_MONTHLY, null, null));
      assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
      assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
    }
    Path hourly = DumpFiles.write(temp.resolve("h.gz"), "en Art 10 0\nen Art ten 0\n");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read(hourly, PageviewReader.Format.HOURLY, 1, 0));
    assertTrue(e.getMessage().endsWith("h.gz: line 2: not a count: 'ten'"), e.getMessage());
  }

  @Test
  void truncatedBzip2IsAnError() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40000; i++) {
      text.append("en.wikipedia Page_").append(i * 7919 % 100003).append(" ").append(i)
          .append(" desktop 3 A1B2\n");
    }
    Path file = DumpFiles.write(temp.resolve("cut-user.bz2"), text.toString());
    DumpFiles.truncate(file, 0.5);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> read(file, PageviewReader.Format.COMPLETE_MONTHLY, null, null));
    assertTrue(e.getMessage().contains("truncated or corrupt compressed data"), e.getMessage());
  }
}
