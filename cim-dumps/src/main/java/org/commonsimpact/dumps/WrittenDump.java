package org.commonsimpact.dumps;

/**
 * A published dump file and what a reader can check it against.
 *
 * @param lines number of lines (rows)
 * @param uncompressedBytes size of the TSV text, line ends included
 * @param compressedBytes size of the {@code .bz2} file
 * @param streams number of concatenated bzip2 streams in the file
 * @param md5 lower-case hex MD5 of the file
 * @param sha256 lower-case hex SHA-256 of the file
 */
public record WrittenDump(long lines, long uncompressedBytes, long compressedBytes, int streams,
    String md5, String sha256) {}
