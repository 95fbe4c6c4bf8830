package org.commonsimpact.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointNotFound;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the API on a Javalin instance, and what happens around them: CORS on every
 * response, CORS preflight, problem bodies for unknown paths, bad parameters, an unavailable
 * store and any other failure (never a stack trace in a body).
 *
 * <p>Routes: the fourteen endpoint templates ({@link Endpoint#template()}) for GET and HEAD,
 * {@code /metrics/commons-analytics/api-spec.json} and {@code /healthz}.
 */
public final class ApiRouter {
  public static final String SPEC_PATH = Endpoint.BASE_PATH + "/api-spec.json";
  public static final String HEALTH_PATH = "/healthz";
  private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

  private final RowSource rows;
  private final byte[] spec;

  public ApiRouter(RowSource rows) {
    this.rows = rows;
    this.spec = OpenApiDocument.json();
  }

  /** Every route template this router answers GET on, endpoints first. */
  public static List<String> templates() {
    List<String> templates = new ArrayList<>();
    for (Endpoint endpoint : Endpoint.all()) {
      templates.add(endpoint.template());
    }
    templates.add(SPEC_PATH);
    templates.add(HEALTH_PATH);
    return templates;
  }

  /** Registers the routes and handlers on {@code app}. */
  public void mount(Javalin app) {
    app.before(ApiRouter::cors);
    for (Endpoint endpoint : Endpoint.all()) {
      EndpointHandler handler = new EndpointHandler(endpoint, rows);
      app.get(endpoint.template(), handler);
      app.head(endpoint.template(), handler);
    }
    app.get(SPEC_PATH, ctx -> ResponseWriter.send(ctx, 200, ResponseWriter.JSON, spec,
        ResponseWriter.CACHE_SPEC));
    app.get(HEALTH_PATH, this::health);
    app.options("/*", ApiRouter::preflight);

    app.exception(InvalidParameterException.class, (e, ctx) -> ResponseWriter.problem(ctx,
        Problem.invalidParameter(ctx.req().getRequestURI(), e), ResponseWriter.CACHE_BAD_REQUEST));
    app.exception(EndpointNotFound.class, (e, ctx) -> notFound(ctx));
    app.exception(StoreUnavailableException.class, (e, ctx) -> {
      LOG.warn("{} {}: store unavailable: {}", ctx.method(), ctx.req().getRequestURI(),
          e.getMessage());
      ResponseWriter.problem(ctx, Problem.unavailable(ctx.req().getRequestURI()),
          ResponseWriter.CACHE_NONE);
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.req().getRequestURI(), e);
      ResponseWriter.problem(ctx, Problem.internalError(ctx.req().getRequestURI()),
          ResponseWriter.CACHE_NONE);
    });
  }

  private static void cors(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Access-Control-Expose-Headers", "ETag");
  }

  private static void preflight(Context ctx) {
    ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    String headers = ctx.header("Access-Control-Request-Headers");
    ctx.header("Access-Control-Allow-Headers", headers == null ? "*" : headers);
    ctx.header("Access-Control-Max-Age", "86400");
    ctx.header("Allow", "GET, HEAD, OPTIONS");
    ctx.status(204);
  }

  private static void notFound(Context ctx) {
    String path = ctx.req().getRequestURI();
    HandlerType method = ctx.method();
    if (method != HandlerType.GET && method != HandlerType.HEAD) {
      ctx.header("Allow", "GET, HEAD, OPTIONS");
      ResponseWriter.problem(ctx, Problem.methodNotAllowed(path, method.name()),
          ResponseWriter.CACHE_NONE);
    } else {
      ResponseWriter.problem(ctx, Problem.noSuchEndpoint(path), ResponseWriter.CACHE_SPEC);
    }
  }

  private void health(Context ctx) {
    RowSource.Health health = rows.health();
    String body = "{\"status\":\"" + (health.reachable() ? "ok" : "unavailable") + "\","
        + "\"store\":" + JsonText.quote(health.store()) + ","
        + "\"reachable\":" + health.reachable()
        + (health.detail().isEmpty() ? "" : ",\"detail\":" + JsonText.quote(health.detail()))
        + "}";
    ResponseWriter.send(ctx, health.reachable() ? 200 : 503, ResponseWriter.JSON,
        ResponseWriter.utf8(body), ResponseWriter.CACHE_NONE);
  }
}
