package org.commonsimpact.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the top-level {@code sql/} folder follows the one header convention of {@code
 * sql/README.md}: the header comes first, with the sections Parameters, Inputs, Output and Usage in
 * that order; the Parameters section lists exactly the {@code ${name}} parameters the file uses
 * (SqlScript binds them everywhere, comments included); the month is {@code ${month}} in every
 * folder; every temporary view named as an input is the query of a file of the same folder; the
 * Usage section names the class that registers or runs the file.
 */
class SqlFileHeadersTest {
  private static final Pattern USED = Pattern.compile("\\$\\{([a-z_]+)}");
  private static final Pattern LISTED = Pattern.compile("^--     ([a-z_]+) +-- .+");
  private static final Pattern VIEW_INPUT = Pattern.compile("^--     ([a-z_]+)  \\(temporary view\\)$");
  private static final List<Pattern> SECTIONS = List.of(
      Pattern.compile("^-- Parameters:( none)?$"),
      Pattern.compile("^-- Inputs:$"),
      Pattern.compile("^-- Output \\(.+\\):$"),
      Pattern.compile("^-- Usage:$"));
  private static final Pattern RUNNER =
      Pattern.compile("\\b(CategoryGraphBuilder|GraphStage|MetricsStage|ServingStage)\\b");

  @Test
  void everyStageFolderHasFiles() throws IOException {
    for (String stage : List.of("graph", "metrics", "serving")) {
      assertFalse(files(sqlDir().resolve(stage)).isEmpty(), stage);
    }
  }

  @Test
  void everyFileHasTheHeaderSectionsInOrder() throws IOException {
    for (Path file : allFiles()) {
      List<String> header = header(file);
      assertFalse(header.isEmpty(), file + ": the header comes first");
      int at = 0;
      for (Pattern section : SECTIONS) {
        while (at < header.size() && !section.matcher(header.get(at)).matches()) {
          at++;
        }
        assertTrue(at < header.size(), file + ": no header line matching " + section.pattern()
            + " after the previous section");
        at++;
      }
      String usage = String.join(" ", header.subList(at, header.size()));
      assertTrue(RUNNER.matcher(usage).find(), file + ": Usage must name the class running it");
      assertTrue(usage.contains("By hand"), file + ": Usage must say how to run it by hand");
    }
  }

  @Test
  void parametersListedAreExactlyTheParametersUsed() throws IOException {
    for (Path file : allFiles()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Set<String> used = new TreeSet<>();
      Matcher m = USED.matcher(text);
      while (m.find()) {
        used.add(m.group(1));
      }
      Set<String> listed = new TreeSet<>();
      boolean inParameters = false;
      for (String line : header(file)) {
        if (line.startsWith("-- Parameters:")) {
          inParameters = true;
        } else if (line.equals("--")) {
          inParameters = false;
        } else if (inParameters) {
          Matcher p = LISTED.matcher(line);
          assertTrue(p.matches(), file + ": parameter line '" + line + "'");
          listed.add(p.group(1));
        }
      }
      assertEquals(used, listed, file + ": parameters listed in the header vs used");
      assertFalse(used.contains("snapshot"), file + ": the month parameter is ${month}");
    }
  }

  @Test
  void temporaryViewInputsAreFilesOfTheSameFolder() throws IOException {
    for (Path file : allFiles()) {
      for (String line : header(file)) {
        Matcher m = VIEW_INPUT.matcher(line);
        if (m.matches()) {
          Path view = file.resolveSibling(m.group(1) + ".sql");
          assertTrue(Files.isRegularFile(view), file + ": input view without a file: " + view);
        }
      }
    }
  }

  /** The by-hand recipe of sql/README.md: each file is the body of a {@code CREATE VIEW}. */
  @Test
  void everyFileParsesAsTheBodyOfAView() throws IOException {
    org.apache.spark.sql.execution.SparkSqlParser parser =
        new org.apache.spark.sql.execution.SparkSqlParser();
    Map<String, Object> values = Map.of("month", "2024-02", "year", 2024, "month_number", 2,
        "month_start", "20240201000000", "month_end", "20240301000000",
        "dt", "2024-02-01 00:00:00", "dt_end", "2024-03-01 00:00:00", "max_depth", 7,
        "top_n", 100);
    for (Path file : allFiles()) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      StringBuilder bound = new StringBuilder();
      Matcher m = USED.matcher(text);
      while (m.find()) {
        Object value = values.get(m.group(1));
        assertTrue(value != null, file + ": no example value for ${" + m.group(1) + "}");
        m.appendReplacement(bound, Matcher.quoteReplacement(value.toString()));
      }
      m.appendTail(bound);
      parser.parsePlan("CREATE TEMPORARY VIEW by_hand AS\n" + bound);
    }
  }

  private static Path sqlDir() {
    String dir = System.getProperty("cim.sql.dir");
    Path path = dir != null ? Path.of(dir) : Path.of("..", "sql");
    assertTrue(Files.isDirectory(path), "sql folder not found: " + path.toAbsolutePath());
    return path;
  }

  private static List<Path> allFiles() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String stage : List.of("graph", "metrics", "serving")) {
      all.addAll(files(sqlDir().resolve(stage)));
    }
    return all;
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }

  /** The leading comment lines of the file. */
  private static List<String> header(Path file) throws IOException {
    List<String> header = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.startsWith("--")) {
        break;
      }
      header.add(line);
    }
    return header;
  }
}
