package org.commonsimpact.dumps;

import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * A dump compressed but not yet published: files of whole bzip2 streams, in file order.
 *
 * @param parts files to concatenate, in order; empty for no lines
 * @param streams number of bzip2 streams in all parts
 * @param lines number of lines
 * @param bytes uncompressed size, line ends included
 */
record StagedDump(List<Path> parts, int streams, long lines, long bytes) {}
