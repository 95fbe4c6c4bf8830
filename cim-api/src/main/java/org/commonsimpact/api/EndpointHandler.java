package org.commonsimpact.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Arrays;
import java.util.List;

/**
 * Answers one of the fourteen endpoints: parses the path (from the raw request URI, so that an
 * encoded {@code /} or {@code +} inside a title survives), runs the endpoint's one query and
 * writes the items, or a 404 problem when no row matches.
 */
final class EndpointHandler implements Handler {
  private final Endpoint endpoint;
  private final RowSource rows;
  private final String prefix;

  EndpointHandler(Endpoint endpoint, RowSource rows) {
    this.endpoint = endpoint;
    this.rows = rows;
    this.prefix = Endpoint.BASE_PATH + "/" + endpoint.name() + "/";
  }

  @Override
  public void handle(Context ctx) {
    String path = ctx.req().getRequestURI();
    PartitionQuery query = ParameterParser.parse(endpoint, rawSegments(path));
    List<List<Object>> found = rows.read(query);
    if (found.isEmpty()) {
      ResponseWriter.problem(ctx, Problem.notLoaded(path, endpoint),
          ResponseWriter.CACHE_NOT_LOADED);
      return;
    }
    ResponseWriter.send(ctx, 200, ResponseWriter.JSON, ItemsJson.write(endpoint, found),
        ResponseWriter.CACHE_DATA);
  }

  /** The still-encoded segments after {@code /metrics/commons-analytics/<endpoint>/}. */
  List<String> rawSegments(String path) {
    if (!path.startsWith(prefix)) {
      throw new IllegalStateException("routed " + path + " to " + endpoint);
    }
    String rest = path.substring(prefix.length());
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    return Arrays.asList(rest.split("/", -1));
  }
}
