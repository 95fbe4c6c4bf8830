package org.commonsimpact.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document against the router: the documented paths are exactly the routes,
 * every documented path answers (with its documented examples) through the endpoint it names,
 * and the documented item fields are the fields the endpoint writes.
 */
class OpenApiRouterTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  @Test
  void everyDocumentedPathIsARouteThatAnswers() {
    List<PartitionQuery> seen = new ArrayList<>();
    FakeRows rows = new FakeRows(query -> {
      seen.add(query);
      return List.of(sampleRow(query.endpoint()));
    });
    try (ApiServer server = ApiServer.start(rows, "127.0.0.1", 0)) {
      HttpProbe http = new HttpProbe(server.port());
      HttpResponse<String> specResponse = http.get(ApiRouter.SPEC_PATH);
      assertEquals(200, specResponse.statusCode());
      JsonNode spec = HttpProbe.json(specResponse);
      assertTrue(spec.get("openapi").asText().startsWith("3."));

      List<String> documented = new ArrayList<>();
      spec.get("paths").fieldNames().forEachRemaining(documented::add);
      assertEquals(ApiRouter.templates(), documented);

      for (String template : documented) {
        JsonNode get = spec.get("paths").get(template).get("get");
        String path = fill(template, get.path("parameters"));
        HttpResponse<String> response = http.get(path);
        assertEquals(200, response.statusCode(), path + " " + response.body());
        Endpoint endpoint = endpointOf(template);
        if (endpoint == null) {
          continue;
        }
        assertEquals(endpoint, seen.get(seen.size() - 1).endpoint(), path);
        String schemaRef = get.at("/responses/200/content/application~1json/schema/properties"
            + "/items/items/$ref").asText();
        JsonNode schema = spec.at(schemaRef.substring(1));
        List<String> documentedFields = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(documentedFields::add);
        List<String> servedFields = new ArrayList<>();
        HttpProbe.json(response).get("items").get(0).fieldNames()
            .forEachRemaining(servedFields::add);
        assertEquals(documentedFields, servedFields, template);
      }
    }
  }

  /** The template with each placeholder replaced by its documented example, URL-encoded. */
  private static String fill(String template, JsonNode parameters) {
    Map<String, String> examples = new java.util.HashMap<>();
    for (JsonNode parameter : parameters) {
      assertEquals("path", parameter.get("in").asText());
      examples.put(parameter.get("name").asText(), parameter.get("example").asText());
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    int documented = 0;
    while (m.find()) {
      String example = examples.get(m.group(1));
      assertTrue(example != null, "no documented parameter " + m.group(1) + " in " + template);
      documented++;
      m.appendReplacement(out, Matcher.quoteReplacement(
          URLEncoder.encode(example, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    m.appendTail(out);
    assertEquals(examples.size(), documented, "parameters of " + template);
    return out.toString();
  }

  private static Endpoint endpointOf(String template) {
    for (Endpoint endpoint : Endpoint.all()) {
      if (endpoint.template().equals(template)) {
        return endpoint;
      }
    }
    return null;
  }

  private static List<Object> sampleRow(Endpoint endpoint) {
    List<Object> row = new ArrayList<>();
    for (Iterator<String> it = endpoint.columns().iterator(); it.hasNext(); ) {
      String column = it.next();
      switch (endpoint.table().type(column).cql()) {
        case "timestamp":
          row.add(Instant.parse("2024-02-01T00:00:00Z"));
          break;
        case "int":
          row.add(1);
          break;
        case "bigint":
          row.add(5L);
          break;
        default:
          row.add("x");
      }
    }
    return row;
  }
}
