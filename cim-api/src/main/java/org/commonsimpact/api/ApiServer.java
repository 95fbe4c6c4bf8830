package org.commonsimpact.api;

import io.javalin.Javalin;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The HTTP server: Javalin on Jetty 11 with the {@link ApiRouter}'s routes. Compression is off
 * (bodies are small and a strong ETag must name the bytes sent), and an encoded {@code /}
 * ({@code %2F}) is allowed in a path so that titles containing a slash can be asked for.
 */
public final class ApiServer implements AutoCloseable {
  private final Javalin app;

  private ApiServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving {@code rows} on {@code host}:{@code port} (port 0: any free port). */
  public static ApiServer start(RowSource rows, String host, int port) {
    return start(rows, host, port, app -> { });
  }

  /** As {@link #start(RowSource, String, int)}, with more routes (the dashboard's) mounted. */
  public static ApiServer start(RowSource rows, String host, int port,
      Consumer<Javalin> moreRoutes) {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.disableCompression();
      config.jetty.modifyHttpConfiguration(http -> {
        http.setUriCompliance(UriCompliance.DEFAULT.with("encoded slashes in titles",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
        http.setSendServerVersion(false);
      });
      config.jetty.modifyServer(server -> server.setErrorHandler(new MalformedRequestHandler()));
    });
    new ApiRouter(rows).mount(app);
    moreRoutes.accept(app);
    app.start(host, port);
    return new ApiServer(app);
  }

  /** The port actually listened on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
