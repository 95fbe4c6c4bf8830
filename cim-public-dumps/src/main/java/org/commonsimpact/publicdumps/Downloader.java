package org.commonsimpact.publicdumps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.commonsimpact.common.InvalidInputException;

/**
 * Resumable HTTP downloads with sha1 checks and progress on standard error.
 *
 * <p>A file is written to {@code NAME.part} and renamed to {@code NAME} only once complete (and,
 * when a sha1 is known, verified), so an existing {@code NAME} is never fetched again. A partial
 * {@code NAME.part} is continued with an HTTP range request (started over if the server ignores
 * the range). A sha1 mismatch deletes the part file and fails naming the file.
 */
final class Downloader {
  private final HttpClient client;
  private final PrintStream progress;

  Downloader(PrintStream progress) {
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30)).build();
    this.progress = progress;
  }

  /** A small resource in memory (a dumpstatus.json, the SiteMatrix). */
  byte[] get(String url) throws IOException {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 404) {
      throw new InvalidInputException(url + ": not found (HTTP 404)");
    }
    if (response.statusCode() != 200) {
      throw new IOException(url + ": HTTP " + response.statusCode());
    }
    return response.body();
  }

  /**
   * Downloads {@code url} to {@code target} unless it is already there.
   *
   * @param size the expected size, or -1 when unknown
   * @param sha1 the expected sha1 (hex), or null when the site publishes none
   * @return false when the file was already complete
   */
  boolean fetch(String url, Path target, long size, String sha1) throws IOException {
    if (Files.isRegularFile(target) && (size < 0 || Files.size(target) == size)) {
      progress.println("have " + target.getFileName() + " (" + Files.size(target) + " bytes)");
      return false;
    }
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    if (size >= 0 && have > size) {
      Files.delete(part);
      have = 0;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (have > 0 && (size < 0 || have < size)) {
      request.header("Range", "bytes=" + have + "-");
    }
    boolean complete = size >= 0 && have == size;
    if (!complete) {
      HttpResponse<InputStream> response =
          send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      if (status == 404) {
        response.body().close();
        throw new InvalidInputException(url + ": not found (HTTP 404)");
      }
      boolean append = status == 206;
      if (status != 200 && !append) {
        response.body().close();
        throw new IOException(url + ": HTTP " + status);
      }
      if (!append) {
        have = 0; // the server sent the whole file
      }
      long total = size >= 0 ? size
          : response.headers().firstValueAsLong("Content-Length").orElse(-1) + have;
      copy(response.body(), part, append, have, total, target.getFileName().toString());
    }
    if (sha1 != null) {
      String actual = sha1(part);
      if (!actual.equalsIgnoreCase(sha1)) {
        Files.delete(part);
        throw new IOException(target + ": sha1 " + actual + " differs from " + sha1
            + " in dumpstatus.json; the partial file was deleted, run again to fetch it anew");
      }
    }
    if (size >= 0 && Files.size(part) != size) {
      throw new IOException(target + ": " + Files.size(part) + " bytes, expected " + size
          + "; run again to continue the download");
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  private void copy(InputStream body, Path part, boolean append, long start, long total,
      String name) throws IOException {
    long done = start;
    long began = System.nanoTime();
    long lastReport = 0;
    try (InputStream in = body;
        OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        done += n;
        long now = System.nanoTime();
        if (now - lastReport > 1_000_000_000L) {
          lastReport = now;
          report(name, done, start, total, now - began, false);
        }
      }
    } catch (IOException e) {
      throw new IOException(name + ": download cut off after " + done + " bytes ("
          + e.getMessage() + "); run again to continue it", e);
    }
    report(name, done, start, total, System.nanoTime() - began, true);
  }

  private void report(String name, long done, long start, long total, long nanos,
      boolean last) {
    double seconds = Math.max(nanos / 1e9, 1e-3);
    double rate = (done - start) / seconds;
    StringBuilder line = new StringBuilder(name).append(": ").append(done);
    if (total > 0) {
      line.append('/').append(total).append(String.format(" bytes (%.1f%%)", 100.0 * done / total));
    } else {
      line.append(" bytes");
    }
    line.append(String.format(", %.2f MB/s", rate / 1e6));
    if (!last && total > 0 && rate > 0) {
      line.append(String.format(", ETA %ds", (long) ((total - done) / rate)));
    }
    if (last) {
      line.append(", done");
    }
    progress.println(line);
  }

  static String sha1(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return client.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
