package org.commonsimpact.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A small HTTP client for tests of a server on this machine (the API's and the dashboard's). */
public final class HttpProbe {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  public HttpProbe(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> get(String rawPath) {
    return send("GET", rawPath, Map.of());
  }

  public HttpResponse<String> send(String method, String rawPath, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath))
        .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends {@code GET rawPath} byte for byte over a socket, for paths that {@link java.net.URI}
   * refuses (a malformed escape); returns the status code and the body.
   */
  RawResponse rawGet(String rawPath) {
    int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String text = new String(socket.getInputStream().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      int split = text.indexOf("\r\n\r\n");
      return new RawResponse(status, text.substring(0, split), text.substring(split + 4));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Status, header block and body of a raw exchange. */
  record RawResponse(int status, String head, String body) {}

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.body(), e);
    }
  }
}
