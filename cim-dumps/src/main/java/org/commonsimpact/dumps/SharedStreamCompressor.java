package org.commonsimpact.dumps;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;

/**
 * The task that compresses one stream spanning several partitions: it reads the stream's raw
 * fragments in partition order and writes them as one bzip2 part file.
 */
final class SharedStreamCompressor implements Function<SharedStreamCompressor.Shared, StagedPiece> {
  private static final long serialVersionUID = 1L;

  /** A shared stream and its fragments, in partition order. */
  record Shared(long stream, List<StagedPiece> fragments) implements Serializable {}

  private final String folder;
  private final SerializableConfiguration conf;

  SharedStreamCompressor(Path folder, SerializableConfiguration conf) {
    this.folder = folder.toString();
    this.conf = conf;
  }

  @Override
  public StagedPiece call(Shared shared) throws IOException {
    Path dir = new Path(folder);
    FileSystem fs = DumpFileSystem.of(dir, conf.get());
    PieceWriter writer =
        PieceWriter.streams(fs, dir, shared.stream(), shared.fragments().get(0).partition());
    try {
      byte[] buffer = new byte[1 << 16];
      for (StagedPiece fragment : shared.fragments()) {
        try (InputStream in = fs.open(new Path(fragment.path()))) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            writer.writeLines(buffer, n);
          }
        }
        writer.addLines(fragment.lines());
      }
      StagedPiece part = writer.finish();
      writer = null;
      return part;
    } finally {
      if (writer != null) {
        writer.abort();
      }
    }
  }
}
