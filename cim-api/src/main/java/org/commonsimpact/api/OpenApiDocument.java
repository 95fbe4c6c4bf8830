package org.commonsimpact.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3 description served at {@code /metrics/commons-analytics/api-spec.json}, generated
 * from the same {@link Endpoint} model that the router uses: paths, path parameters with their
 * rules and an example, the item fields of every endpoint, and the problem answers. {@code
 * OpenApiRouterTest} requests every documented path from a running server.
 */
public final class OpenApiDocument {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OpenApiDocument() {}

  /** The document as UTF-8 JSON. */
  public static byte[] json() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode document() {
    ObjectNode doc = MAPPER.createObjectNode();
    doc.put("openapi", "3.0.3");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Commons Impact Metrics analytics API");
    info.put("version", "1.0.0");
    info.put("description", "Read-only monthly metrics of GLAM contributions to Wikimedia "
        + "Commons, one endpoint per Cassandra serving table (SPEC §7). Titles are in URL form "
        + "with underscores and percent-encoded where needed; a series returns the months whose "
        + "timestamp is in [start, end); a top list returns one month ranked by rank, ties by "
        + "name. Every response carries Access-Control-Allow-Origin: *, Cache-Control and ETag.");
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = MAPPER.createObjectNode();
    for (Endpoint endpoint : Endpoint.all()) {
      paths.set(endpoint.template(), endpointPath(endpoint));
      schemas.set(itemSchemaName(endpoint), itemSchema(endpoint));
    }
    paths.set(ApiRouter.SPEC_PATH, simpleGet("specification",
        "This OpenAPI document.", "The document."));
    paths.set(ApiRouter.HEALTH_PATH, simpleGet("health",
        "Liveness, with whether Cassandra answers a trivial query.",
        "Cassandra reachable (503 with the same body shape when it is not)."));
    schemas.set("Problem", problemSchema());
    ObjectNode components = doc.putObject("components");
    components.set("schemas", schemas);
    ObjectNode responses = components.putObject("responses");
    responses.set("InvalidParameter", problemResponse("A path parameter is invalid; the "
        + "problem's `parameter` names it."));
    responses.set("NotLoaded", problemResponse("No row matches: the data for this request is "
        + "not loaded yet (a month not loaded, or a name without data)."));
    return doc;
  }

  private static ObjectNode endpointPath(Endpoint endpoint) {
    ObjectNode get = MAPPER.createObjectNode();
    get.put("operationId", camel(endpoint.name()));
    get.put("summary", (endpoint.isTopList() ? "Top list " : "Monthly series ")
        + endpoint.name());
    get.put("description", "Rows of the Cassandra table " + endpoint.table().name()
        + (endpoint.isTopList()
            ? " for one month, ordered by rank then " + String.join(", ",
                endpoint.table().clusteringColumns().subList(1,
                    endpoint.table().clusteringColumns().size())) + " ascending (SPEC §7)."
            : " with start <= timestamp < end, ordered by timestamp."));
    ArrayNode parameters = get.putArray("parameters");
    for (PathParameter parameter : endpoint.parameters()) {
      parameters.add(parameter(parameter));
    }
    ObjectNode responses = get.putObject("responses");
    ObjectNode ok = responses.putObject("200");
    ok.put("description", "The matching rows.");
    ObjectNode headers = ok.putObject("headers");
    headers.putObject("ETag").putObject("schema").put("type", "string");
    headers.putObject("Cache-Control").putObject("schema").put("type", "string");
    ObjectNode body = ok.putObject("content").putObject(ResponseWriter.JSON).putObject("schema");
    body.put("type", "object");
    body.putArray("required").add("items");
    ObjectNode items = body.putObject("properties").putObject("items");
    items.put("type", "array");
    items.putObject("items").put("$ref", "#/components/schemas/" + itemSchemaName(endpoint));
    responses.putObject("400").put("$ref", "#/components/responses/InvalidParameter");
    responses.putObject("404").put("$ref", "#/components/responses/NotLoaded");
    ObjectNode path = MAPPER.createObjectNode();
    path.set("get", get);
    return path;
  }

  private static ObjectNode parameter(PathParameter parameter) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", parameter.name());
    node.put("in", "path");
    node.put("required", true);
    ObjectNode schema = node.putObject("schema");
    schema.put("type", "string");
    switch (parameter.kind()) {
      case TITLE:
        node.put("description", "A " + parameter.name().replace('-', ' ') + " title with "
            + "underscores, without namespace prefix; percent-encoded where needed.");
        node.put("example", parameter.name().equals("category") ? "Museum_A"
            : "A_painting_1.jpg");
        break;
      case USER_NAME:
        node.put("description", "A user name as MediaWiki stores it, or :anonymous: or "
            + ":redacted:; percent-encoded where needed.");
        node.put("example", "Alice");
        break;
      case WIKI:
        node.put("description", "A wiki such as en.wikipedia, or all-wikis for all wikis.");
        node.put("example", "en.wikipedia");
        break;
      case CATEGORY_SCOPE:
        node.put("description", "shallow: files directly in the category; deep: files in the "
            + "category or its sub-categories.");
        schema.putArray("enum").add("shallow").add("deep");
        node.put("example", "deep");
        break;
      case EDIT_TYPE:
        node.put("description", "create, update, or all-edit-types for both.");
        schema.putArray("enum").add("create").add("update").add("all-edit-types");
        node.put("example", "all-edit-types");
        break;
      case START:
        node.put("description", "First day of the range, YYYYMMDD, inclusive.");
        schema.put("pattern", "^[0-9]{8}$");
        node.put("example", "20240201");
        break;
      case END:
        node.put("description", "Day after the range, YYYYMMDD, exclusive; after start.");
        schema.put("pattern", "^[0-9]{8}$");
        node.put("example", "20240301");
        break;
      case YEAR:
        node.put("description", "The year of the month.");
        schema.put("pattern", "^[0-9]{4}$");
        node.put("example", "2024");
        break;
      case MONTH:
        node.put("description", "The month number, 1 to 12 (2 or 02).");
        schema.put("pattern", "^(0?[1-9]|1[0-2])$");
        node.put("example", "02");
        break;
      default:
        throw new IllegalStateException(parameter.kind().toString());
    }
    return node;
  }

  private static ObjectNode itemSchema(Endpoint endpoint) {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("type", "object");
    ArrayNode required = schema.putArray("required");
    ObjectNode properties = schema.putObject("properties");
    for (String column : endpoint.columns()) {
      String field = Names.field(column);
      required.add(field);
      ObjectNode property = properties.putObject(field);
      switch (endpoint.table().type(column).cql()) {
        case "timestamp":
          property.put("type", "string");
          property.put("format", "date-time");
          property.put("example", "2024-02-01T00:00:00Z");
          break;
        case "int":
          property.put("type", "integer");
          property.put("format", "int32");
          break;
        case "bigint":
          property.put("type", "integer");
          property.put("format", "int64");
          break;
        default:
          property.put("type", "string");
      }
    }
    return schema;
  }

  private static ObjectNode problemSchema() {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("type", "object");
    schema.put("description", "RFC 7807 problem details.");
    schema.putArray("required").add("type").add("title").add("status").add("detail");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    properties.putObject("instance").put("type", "string");
    properties.putObject("parameter").put("type", "string")
        .put("description", "For a 400: the path parameter at fault.");
    return schema;
  }

  private static ObjectNode problemResponse(String description) {
    ObjectNode response = MAPPER.createObjectNode();
    response.put("description", description);
    response.putObject("content").putObject(Problem.CONTENT_TYPE).putObject("schema")
        .put("$ref", "#/components/schemas/Problem");
    return response;
  }

  private static ObjectNode simpleGet(String operationId, String summary, String ok) {
    ObjectNode path = MAPPER.createObjectNode();
    ObjectNode get = path.putObject("get");
    get.put("operationId", operationId);
    get.put("summary", summary);
    get.putObject("responses").putObject("200").put("description", ok)
        .putObject("content").putObject(ResponseWriter.JSON).putObject("schema")
        .put("type", "object");
    return path;
  }

  private static String itemSchemaName(Endpoint endpoint) {
    String camel = camel(endpoint.name());
    return Character.toUpperCase(camel.charAt(0)) + camel.substring(1) + "Item";
  }

  private static String camel(String kebab) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
