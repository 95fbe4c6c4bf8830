package org.commonsimpact.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes every answer the same way: the body with its content type, a {@code Cache-Control}
 * suited to what the body is, an {@code ETag} (a hash of the body) and a {@code 304 Not Modified}
 * instead of a 200 body when the client's {@code If-None-Match} already names it. The CORS header
 * is set for every request before routing ({@link ApiServer}).
 */
final class ResponseWriter {
  /** Monthly data changes when a month is loaded: a day of caching. */
  static final String CACHE_DATA = "public, max-age=86400";
  /** A request that is wrong stays wrong: cached like data. */
  static final String CACHE_BAD_REQUEST = "public, max-age=86400";
  /** "Not loaded yet" may change at the next load: ten minutes. */
  static final String CACHE_NOT_LOADED = "public, max-age=600";
  /** The API description changes with a deployment: an hour. */
  static final String CACHE_SPEC = "public, max-age=3600";
  /** Health and server failures are never cached. */
  static final String CACHE_NONE = "no-store";
  static final String JSON = "application/json";

  private ResponseWriter() {}

  static void send(Context ctx, int status, String contentType, byte[] body,
      String cacheControl) {
    String etag = etag(body);
    ctx.header("Cache-Control", cacheControl);
    ctx.header("ETag", etag);
    if (status == 200 && matches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.status(status);
    ctx.contentType(contentType);
    ctx.result(body);
  }

  static void problem(Context ctx, Problem problem, String cacheControl) {
    send(ctx, problem.status(), Problem.CONTENT_TYPE, problem.toJson(), cacheControl);
  }

  /** A strong entity tag: the first 128 bits of the body's SHA-256, in hex, quoted. */
  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      StringBuilder tag = new StringBuilder(34).append('"');
      for (int i = 0; i < 16; i++) {
        tag.append(Character.forDigit((digest[i] >> 4) & 0xf, 16))
            .append(Character.forDigit(digest[i] & 0xf, 16));
      }
      return tag.append('"').toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether an {@code If-None-Match} header value names {@code etag} (or is {@code *}). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
