package org.commonsimpact.api.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A file of the dashboard read once from the classpath (this jar's {@code dashboard/} folder, or
 * the Chart.js WebJar's), with its content type and a strong ETag (the first 128 bits of its
 * SHA-256), so that no page needs anything from outside the server.
 */
record StaticAsset(String contentType, byte[] body, String etag) {
  /** Chart.js's UMD bundle inside the WebJar (org.webjars.npm:chart.js, see cim-api/pom.xml). */
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";

  /** Loads {@code resource}; a missing one is a packaging error. */
  static StaticAsset load(String resource, String contentType) {
    try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the jar");
      }
      byte[] body = in.readAllBytes();
      return new StaticAsset(contentType, body, etag(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      StringBuilder tag = new StringBuilder(34).append('"');
      for (int i = 0; i < 16; i++) {
        tag.append(String.format("%02x", digest[i]));
      }
      return tag.append('"').toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
