package org.commonsimpact.dumps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The few file-system operations the dumps need, through the Hadoop API so that dumps can live on
 * the local disk, HDFS or an object store.
 *
 * <p>On the local disk it uses the raw file system, so that no {@code .crc} side files appear next
 * to the public dumps. Replacing a file is a rename over the old one: {@code rename(2)} locally, a
 * rename with {@link Options.Rename#OVERWRITE} elsewhere (atomic on HDFS).
 */
final class DumpFileSystem {
  private DumpFileSystem() {}

  /** The file system of {@code path}; the raw one for local paths. */
  static FileSystem of(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    if (fs instanceof LocalFileSystem) {
      return ((LocalFileSystem) fs).getRaw();
    }
    return fs;
  }

  /** Renames {@code source} to {@code target}, replacing {@code target} if it exists. */
  static void replace(FileSystem fs, Path source, Path target) throws IOException {
    if (fs instanceof RawLocalFileSystem) {
      if (!fs.rename(source, target)) {
        throw new IOException("cannot rename " + source + " to " + target);
      }
      return;
    }
    FileContext.getFileContext(fs.getUri(), fs.getConf())
        .rename(source, target, Options.Rename.OVERWRITE);
  }

  /**
   * Moves {@code source} to {@code target} unless {@code target} already exists, in which case
   * {@code source} is deleted. For task outputs whose content is fully determined by their name: a
   * retried or speculative attempt may find the first attempt's file already in place.
   */
  static void moveIfAbsent(FileSystem fs, Path source, Path target) throws IOException {
    if (fs.rename(source, target)) {
      return;
    }
    if (fs.exists(target)) {
      fs.delete(source, false);
      return;
    }
    throw new IOException("cannot rename " + source + " to " + target);
  }

  /** Writes a small text file atomically: a hidden temporary file beside it, then a rename. */
  static void writeAtomically(FileSystem fs, Path target, String text, String runId)
      throws IOException {
    Path temp = temporarySibling(target, runId);
    try {
      try (OutputStream out = fs.create(temp, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      replace(fs, temp, target);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(fs, temp);
      throw e;
    }
  }

  /**
   * A hidden name in the same folder as {@code target} ({@code .<name>.<runId>.tmp}): hidden from
   * Hadoop readers and shell globs, and on the same file system, so that the final rename is atomic.
   */
  static Path temporarySibling(Path target, String runId) {
    return new Path(target.getParent(), "." + target.getName() + "." + runId + ".tmp");
  }

  /** Whether a folder entry is a leftover of an interrupted run (see {@link #temporarySibling}). */
  static boolean isLeftover(String name) {
    return (name.startsWith(".") && name.endsWith(".tmp"))
        || name.startsWith(DumpStage.STAGING_PREFIX);
  }

  static void deleteQuietly(FileSystem fs, Path path) {
    try {
      fs.delete(path, true);
    } catch (IOException | RuntimeException ignored) {
      // Best effort: the name is hidden and the next run of the month removes it.
    }
  }
}
