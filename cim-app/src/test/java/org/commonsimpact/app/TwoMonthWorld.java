package org.commonsimpact.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden world with a second month: every source row of February 2024 is also there for March
 * 2024 (snapshot {@code 2024-03}, pageviews of month 3 with days 30 and 31 copied from day 1,
 * revision times moved to March), so a back-fill of 2024-02..2024-03 has real work in both months.
 */
final class TwoMonthWorld {
  private TwoMonthWorld() {}

  /** Writes the nine TSV files of the world into {@code out} and returns it. */
  static Path write(Path goldenInput, Path out) throws IOException {
    Files.createDirectories(out);
    try (var files = Files.list(goldenInput)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        List<String> all = new ArrayList<>(lines);
        for (String line : lines.subList(1, lines.size())) {
          all.addAll(march(file.getFileName().toString(), header, line.split("\t", -1)));
        }
        Files.write(out.resolve(file.getFileName()), all, StandardCharsets.UTF_8);
      }
    }
    return out;
  }

  private static List<String> march(String file, List<String> header, String[] row) {
    List<String> copies = new ArrayList<>();
    int snapshot = header.indexOf("snapshot");
    if (snapshot >= 0 && row[snapshot].equals("2024-02")) {
      row[snapshot] = "2024-03";
      int timestamp = header.indexOf("rev_timestamp");
      if (timestamp >= 0 && row[timestamp].startsWith("202402")) {
        row[timestamp] = "202403" + row[timestamp].substring(6);
      }
      copies.add(String.join("\t", row));
    } else if (file.equals("pageview_hourly.tsv")) {
      int year = header.indexOf("year");
      int month = header.indexOf("month");
      int day = header.indexOf("day");
      if (row[year].equals("2024") && row[month].equals("2")) {
        row[month] = "3";
        copies.add(String.join("\t", row));
        if (row[day].equals("1")) {
          for (String extra : new String[] {"30", "31"}) {
            row[day] = extra;
            copies.add(String.join("\t", row));
          }
        }
      }
    }
    return copies;
  }
}
