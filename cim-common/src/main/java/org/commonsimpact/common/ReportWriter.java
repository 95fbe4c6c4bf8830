package org.commonsimpact.common;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a run report where {@code --report} points: a local path, or a Hadoop file system URI
 * ({@code hdfs://...}) so that a driver running inside a YARN container (deploy mode {@code
 * cluster}) leaves its report where the scheduler can read it.
 *
 * <p>The text goes to a hidden temporary file beside the target, which is then renamed over it: a
 * reader sees the previous report or the whole new one, never half a file.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /** Writes {@code text} to {@code location}; {@code conf} resolves URIs with a scheme. */
  public static void write(String location, String text, Configuration conf) throws IOException {
    if (location.startsWith("file:")) {
      RunReportFiles.writeLocal(Paths.get(URI.create(location.replace(" ", "%20"))), text);
      return;
    }
    if (!hasScheme(location)) {
      RunReportFiles.writeLocal(Paths.get(location), text);
      return;
    }
    Path target = new Path(location);
    FileSystem fs = target.getFileSystem(conf);
    Path parent = target.getParent();
    if (parent != null) {
      fs.mkdirs(parent);
    }
    Path temp = new Path(parent, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try (OutputStream out = fs.create(temp, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    if (fs.exists(target)) {
      fs.delete(target, false);
    }
    if (!fs.rename(temp, target)) {
      fs.delete(temp, false);
      throw new IOException("cannot rename " + temp + " to " + target);
    }
  }

  /** Whether {@code location} is a URI with a scheme (not a local path, nor a Windows drive). */
  static boolean hasScheme(String location) {
    try {
      String scheme = new URI(location.replace(" ", "%20")).getScheme();
      return scheme != null && scheme.length() > 1 && !scheme.equals("file");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
