package org.commonsimpact.dumps;

import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * A dump compressed but not yet published: its bzip2 streams as part files, in file order.
 *
 * @param parts one file per bzip2 stream, in the order they are concatenated; empty for no lines
 * @param lines number of lines
 * @param bytes uncompressed size, line ends included
 */
record StagedDump(List<Path> parts, long lines, long bytes) {}
