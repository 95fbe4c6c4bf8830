package org.commonsimpact.dumps;

import java.io.Serializable;

/**
 * One file a task left in the staging folder: a whole bzip2 stream ({@code compressed}) or a raw
 * fragment of a stream shared with other partitions.
 */
record StagedPiece(long stream, int partition, boolean compressed, String path, long lines,
    long bytes) implements Serializable {}
