package org.commonsimpact.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An error answer as an RFC 7807 {@code application/problem+json} body: {@code type}, {@code
 * title}, {@code status}, {@code detail}, {@code instance} (the request path) and, for a bad
 * parameter, the extension member {@code parameter}. Never carries a stack trace. The {@code type}
 * URIs are relative to the server and listed in docs/api.md.
 *
 * @param type a URI reference naming the kind of problem
 * @param title the kind of problem in words, the same for every instance of the type
 * @param status the HTTP status
 * @param detail what went wrong with this request, on one line
 * @param instance the request path, or null when it cannot be read
 * @param parameter the path parameter at fault, or null
 */
public record Problem(String type, String title, int status, String detail, String instance,
    String parameter) {
  public static final String CONTENT_TYPE = "application/problem+json";
  static final String TYPE_BASE = Endpoint.BASE_PATH + "/problems/";
  private static final JsonFactory FACTORY = new JsonFactory();

  /** 400: a path parameter is invalid. */
  public static Problem invalidParameter(String instance, InvalidParameterException e) {
    return new Problem(TYPE_BASE + "invalid-parameter", "Invalid parameter", 400, e.getMessage(),
        instance, e.parameter());
  }

  /** 400 (or another 4xx) from the HTTP layer: the request line or URI cannot be read. */
  public static Problem malformedRequest(int status, String reason) {
    return new Problem(TYPE_BASE + "malformed-request", "Malformed request", status,
        "The request cannot be read (" + reason + "); percent-encode path parameters as "
            + "UTF-8.", null, null);
  }

  /** 404: the request is well-formed but no row matches. */
  public static Problem notLoaded(String instance, Endpoint endpoint) {
    return new Problem(TYPE_BASE + "not-loaded", "Data not loaded", 404,
        "The data for this request is not loaded yet: " + endpoint.name() + " has no row for "
            + "these parameters (a month not loaded, or a name without data).",
        instance, null);
  }

  /** 404: the path is no endpoint of this API. */
  public static Problem noSuchEndpoint(String instance) {
    return new Problem(TYPE_BASE + "no-such-endpoint", "No such endpoint", 404,
        "No endpoint answers this path; the endpoints are described at " + Endpoint.BASE_PATH
            + "/api-spec.json.", instance, null);
  }

  /** 405: a method other than GET, HEAD or OPTIONS. */
  public static Problem methodNotAllowed(String instance, String method) {
    return new Problem(TYPE_BASE + "method-not-allowed", "Method not allowed", 405,
        "This API is read-only: " + method + " is not allowed; use GET.", instance, null);
  }

  /** 503: the store did not answer. */
  public static Problem unavailable(String instance) {
    return new Problem(TYPE_BASE + "unavailable", "Service unavailable", 503,
        "The data store did not answer in time; try again later.", instance, null);
  }

  /** 500: anything else; the cause goes to the server log only. */
  public static Problem internalError(String instance) {
    return new Problem(TYPE_BASE + "internal-error", "Internal error", 500,
        "The server failed to answer this request; the failure is in its log.", instance, null);
  }

  /** The UTF-8 JSON body. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", type);
      json.writeStringField("title", title);
      json.writeNumberField("status", status);
      json.writeStringField("detail", detail);
      if (instance != null) {
        json.writeStringField("instance", instance);
      }
      if (parameter != null) {
        json.writeStringField("parameter", parameter);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
