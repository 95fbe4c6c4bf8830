package org.commonsimpact.dumps;

import java.io.Serializable;

/**
 * Size of one partition of the sorted dump lines, as the lines will be written (each with its
 * {@code \n}).
 *
 * @param partition the Spark partition index
 * @param lines number of lines
 * @param bytes number of bytes, line ends included
 * @param lastLineStart offset of the last line's first byte from the partition's first byte (0 when
 *     empty)
 */
record PartitionStats(int partition, long lines, long bytes, long lastLineStart)
    implements Serializable {}
