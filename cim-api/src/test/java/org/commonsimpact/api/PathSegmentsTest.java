package org.commonsimpact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {
  @Test
  void encodesAllButUnreservedCharacters() {
    assertEquals("%22Quoted%22_title.jpg", PathSegments.encode("\"Quoted\"_title.jpg"));
    assertEquals("%3Aanonymous%3A", PathSegments.encode(":anonymous:"));
    assertEquals("AC%2FDC_C%2B%2B_%C3%A9t%C3%A9~%F0%9F%98%80",
        PathSegments.encode("AC/DC_C++_été~\uD83D\uDE00"));
  }

  @Test
  void pathsRoundTripThroughTheParser() {
    Endpoint endpoint = Endpoint.named("top-editors-monthly");
    List<String> values = List.of("AC/DC 100% \"live\" é\uD83D\uDE00", "deep", "all-edit-types",
        "2024", "2");
    String path = PathSegments.path(endpoint, values);
    String prefix = Endpoint.BASE_PATH + "/top-editors-monthly/";
    PartitionQuery query = ParameterParser.parse(endpoint,
        Arrays.asList(path.substring(prefix.length()).split("/", -1)));
    assertEquals(List.of("AC/DC_100%_\"live\"_é\uD83D\uDE00", "deep", "all-edit-types", 2024, 2),
        query.values());
  }

  @Test
  void percentDecodingLeavesPlusSigns() {
    assertEquals("C++ x", PercentDecoding.decode("C++%20x"));
    assertEquals("plain", PercentDecoding.decode("plain"));
  }
}
