package org.commonsimpact.dumps;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function2;

/**
 * The task that writes one partition of the sorted lines: the streams it holds whole go, one
 * after the other, into one file of bzip2 streams; each stream it shares with a neighbouring
 * partition (at most the first and the last) into a raw fragment (see {@link StreamPlan}).
 */
final class PartitionCompressor
    implements Function2<Integer, Iterator<byte[]>, Iterator<StagedPiece>> {
  private static final long serialVersionUID = 1L;

  private final StreamPlan plan;
  private final String folder;
  private final SerializableConfiguration conf;

  PartitionCompressor(StreamPlan plan, Path folder, SerializableConfiguration conf) {
    this.plan = plan;
    this.folder = folder.toString();
    this.conf = conf;
  }

  @Override
  public Iterator<StagedPiece> call(Integer partition, Iterator<byte[]> lines) throws IOException {
    Path dir = new Path(folder);
    FileSystem fs = DumpFileSystem.of(dir, conf.get());
    List<StagedPiece> pieces = new ArrayList<>();
    long offset = plan.offset(partition);
    PieceWriter current = null;
    try {
      while (lines.hasNext()) {
        byte[] line = lines.next();
        long stream = plan.streamAt(offset);
        if (current == null || current.stream() != stream) {
          boolean shared = plan.isShared(partition, stream);
          if (current != null && current.compressed() && !shared) {
            current.nextStream(stream);
          } else {
            if (current != null) {
              pieces.add(current.finish());
              current = null;
            }
            current = shared
                ? PieceWriter.fragment(fs, dir, stream, partition)
                : PieceWriter.streams(fs, dir, stream, partition);
          }
        }
        current.writeLine(line);
        offset += line.length + 1L;
      }
      if (current != null) {
        pieces.add(current.finish());
        current = null;
      }
    } finally {
      if (current != null) {
        current.abort();
      }
    }
    return pieces.iterator();
  }
}
