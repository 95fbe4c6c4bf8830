package org.commonsimpact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterParserTest {
  private static final Endpoint PAGEVIEWS = Endpoint.named("pageviews-per-category-monthly");
  private static final Endpoint TOP_EDITORS = Endpoint.named("top-editors-monthly");
  private static final Endpoint USER_EDITS = Endpoint.named("edits-per-user-monthly");
  private static final Endpoint FILE = Endpoint.named("media-file-metrics-snapshot");

  @Test
  void seriesBindsKeyThenHalfOpenRange() {
    PartitionQuery query = ParameterParser.parse(PAGEVIEWS,
        List.of("Museum_A", "deep", "en.wikipedia", "20240201", "20240301"));
    assertEquals(List.of("Museum_A", "deep", "en.wikipedia",
        Instant.parse("2024-02-01T00:00:00Z"), Instant.parse("2024-03-01T00:00:00Z")),
        query.values());
  }

  @Test
  void topListBindsYearAndMonthAsIntegers() {
    List<Object> expected = List.of("Museum_A", "shallow", "all-edit-types", 2024, 2);
    assertEquals(expected, ParameterParser.parse(TOP_EDITORS,
        List.of("Museum_A", "shallow", "all-edit-types", "2024", "02")).values());
    assertEquals(expected, ParameterParser.parse(TOP_EDITORS,
        List.of("Museum_A", "shallow", "all-edit-types", "2024", "2")).values());
  }

  @Test
  void titlesArePercentDecodedWithSpacesAsUnderscores() {
    PartitionQuery query = ParameterParser.parse(FILE,
        List.of("%22Quoted%22%20title%2B%2F+%C3%A9.jpg", "20240201", "20240301"));
    assertEquals("\"Quoted\"_title+/+é.jpg", query.values().get(0));
  }

  @Test
  void userNamesKeepTheirSpaces() {
    PartitionQuery query = ParameterParser.parse(USER_EDITS,
        List.of("Jane%20Doe", "create", "20240201", "20240301"));
    assertEquals("Jane Doe", query.values().get(0));
    assertEquals(":anonymous:", ParameterParser.parse(USER_EDITS,
        List.of(":anonymous:", "all-edit-types", "20240201", "20240301")).values().get(0));
  }

  @Test
  void badValuesNameTheirParameter() {
    assertInvalid("category-scope", "medium", PAGEVIEWS,
        List.of("Museum_A", "medium", "en.wikipedia", "20240201", "20240301"));
    assertInvalid("edit-type", "delete", TOP_EDITORS,
        List.of("Museum_A", "deep", "delete", "2024", "2"));
    assertInvalid("start", "20240231", PAGEVIEWS,
        List.of("Museum_A", "deep", "en.wikipedia", "20240231", "20240301"));
    assertInvalid("end", "2024-03-01", PAGEVIEWS,
        List.of("Museum_A", "deep", "en.wikipedia", "20240201", "2024-03-01"));
    assertInvalid("end", "empty", PAGEVIEWS,
        List.of("Museum_A", "deep", "en.wikipedia", "20240201", "20240201"));
    assertInvalid("end", "empty", PAGEVIEWS,
        List.of("Museum_A", "deep", "en.wikipedia", "20240301", "20240201"));
    assertInvalid("month", "13", TOP_EDITORS,
        List.of("Museum_A", "deep", "create", "2024", "13"));
    assertInvalid("month", "0", TOP_EDITORS,
        List.of("Museum_A", "deep", "create", "2024", "0"));
    assertInvalid("month", "002", TOP_EDITORS,
        List.of("Museum_A", "deep", "create", "2024", "002"));
    assertInvalid("year", "24", TOP_EDITORS,
        List.of("Museum_A", "deep", "create", "24", "2"));
    assertInvalid("category", "empty", TOP_EDITORS,
        List.of("", "deep", "create", "2024", "2"));
    assertInvalid("category", "%zz", TOP_EDITORS,
        List.of("a%zz", "deep", "create", "2024", "2"));
    assertInvalid("category", "UTF-8", TOP_EDITORS,
        List.of("a%C3", "deep", "create", "2024", "2"));
    assertInvalid("category", "incomplete", TOP_EDITORS,
        List.of("a%4", "deep", "create", "2024", "2"));
    assertInvalid("wiki", "empty", PAGEVIEWS,
        List.of("Museum_A", "deep", "", "20240201", "20240301"));
  }

  @Test
  void firstBadParameterIsReported() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> ParameterParser.parse(TOP_EDITORS, List.of("A", "wide", "delete", "x", "y")));
    assertEquals("category-scope", e.parameter());
  }

  private static void assertInvalid(String parameter, String mentioned, Endpoint endpoint,
      List<String> segments) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> ParameterParser.parse(endpoint, segments), parameter + " " + segments);
    assertEquals(parameter, e.parameter(), e.getMessage());
    assertTrue(e.getMessage().contains(mentioned), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid " + parameter), e.getMessage());
  }
}
