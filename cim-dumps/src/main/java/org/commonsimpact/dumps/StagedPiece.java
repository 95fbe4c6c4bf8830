package org.commonsimpact.dumps;

import java.io.Serializable;

/**
 * One file a task left in the staging folder: consecutive whole bzip2 streams ({@code
 * compressed}), or a raw fragment of a stream shared with other partitions.
 *
 * @param stream the (first) stream number
 * @param streams how many bzip2 streams the file holds (0 for a raw fragment)
 */
record StagedPiece(long stream, int streams, int partition, boolean compressed, String path,
    long lines, long bytes) implements Serializable {}
