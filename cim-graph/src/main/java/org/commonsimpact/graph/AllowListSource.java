package org.commonsimpact.graph;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.commonsimpact.common.InvalidInputException;

/**
 * Reads the allow-list's bytes from where the run was told it is: an http(s) URL, a Hadoop file
 * system URI ({@code hdfs://}, {@code s3a://}, {@code file:} …) or a local path.
 */
public final class AllowListSource {
  private AllowListSource() {}

  public static byte[] read(String location, Configuration hadoopConf) {
    if (location == null || location.isBlank()) {
      throw new InvalidInputException("--allow-list is required when the graph stage runs");
    }
    try {
      String lower = location.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        return readHttp(location);
      }
      URI uri = hasScheme(location) ? URI.create(location) : null;
      if (uri == null) {
        Path path = Paths.get(location);
        if (!Files.isRegularFile(path)) {
          throw new InvalidInputException("allow-list " + location + " not found");
        }
        return Files.readAllBytes(path);
      }
      FileSystem fs = FileSystem.get(uri, hadoopConf);
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
      if (!fs.exists(path)) {
        throw new InvalidInputException("allow-list " + location + " not found");
      }
      try (InputStream in = fs.open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("cannot read allow-list " + location + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidInputException("interrupted while reading allow-list " + location, e);
    }
  }

  private static boolean hasScheme(String location) {
    int colon = location.indexOf(':');
    return colon > 1 && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
  }

  private static byte[] readHttp(String url) throws IOException, InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new InvalidInputException(
          "cannot read allow-list " + url + ": HTTP status " + response.statusCode());
    }
    return response.body();
  }
}
