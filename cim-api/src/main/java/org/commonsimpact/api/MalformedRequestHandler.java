package org.commonsimpact.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to a request it cannot parse (a malformed percent-escape, a bad request line),
 * which never reaches the router: a problem body with the CORS header instead of Jetty's bare
 * error, so that even this bad input gets a 400 {@code application/problem+json}.
 */
final class MalformedRequestHandler extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
    fields.put("Access-Control-Allow-Origin", "*");
    fields.put(HttpHeader.CACHE_CONTROL, ResponseWriter.CACHE_NONE);
    Problem problem = Problem.malformedRequest(status,
        reason == null ? "unreadable request" : reason);
    return ByteBuffer.wrap(problem.toJson());
  }
}
