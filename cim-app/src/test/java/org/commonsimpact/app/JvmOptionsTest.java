package org.commonsimpact.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options Spark needs on Java 17 are written once, in {@code config/jvm-java17.options}:
 * {@code bin/cim} reads that file, and the root pom's {@code spark.java17.flags} (the test JVMs'
 * argLine, which Maven cannot read from a file) holds the same options in the same order.
 */
class JvmOptionsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void pomFlagsAreTheOptionsFile() throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(REPO.resolve("config/jvm-java17.options"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        options.add(line.trim());
      }
    }
    assertFalse(options.isEmpty());
    Matcher m = Pattern.compile("<spark\\.java17\\.flags>([^<]*)</spark\\.java17\\.flags>")
        .matcher(Files.readString(REPO.resolve("pom.xml")));
    assertTrue(m.find(), "pom.xml has no spark.java17.flags");
    assertEquals(options, List.of(m.group(1).trim().split("\\s+")));
  }

  @Test
  void binCimReadsTheOptionsFile() throws IOException {
    String script = Files.readString(REPO.resolve("bin/cim"));
    assertTrue(script.contains("config/jvm-java17.options"), "bin/cim");
    assertFalse(script.contains("--add-opens"), "bin/cim writes its own --add-opens");
  }
}
