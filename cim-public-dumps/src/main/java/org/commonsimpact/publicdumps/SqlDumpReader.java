package org.commonsimpact.publicdumps;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.InvalidInputException;

/**
 * Streaming reader of one mysqldump table dump: the column names from its {@code CREATE TABLE}
 * block, then one tuple at a time from its extended {@code INSERT INTO `t` VALUES (..),(..);} lines.
 *
 * <p>Why streaming and byte-based: commonswiki dumps are tens of GB with INSERT lines of about a
 * megabyte and single values over 10 MB, and the tables are {@code CHARSET=binary} (sort keys are
 * not UTF-8). The reader keeps only the current tuple's wanted values; other values are scanned and
 * dropped. Strings are single-quoted with the backslash escapes {@code \\ \' \" \0 \n \r \Z \b \t}
 * ({@code \X} = X otherwise, and a doubled quote stands for one); {@code NULL} and numbers are bare.
 * Any defect is an {@link InvalidInputException} naming the file and the byte offset in the
 * uncompressed stream.
 */
final class SqlDumpReader implements Closeable {
  private static final byte[] CREATE = "CREATE TABLE ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INSERT = "INSERT INTO ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] VALUES = " VALUES ".getBytes(StandardCharsets.US_ASCII);
  private static final int KEPT_LINE_BYTES = 1 << 14;

  private enum State { START, BETWEEN, TUPLES, DONE }

  private final InputStream in;
  private final String name;
  private final Collection<String> wanted;
  private final byte[] buffer = new byte[1 << 16];
  private int limit;
  private int next;
  private long consumed; // bytes of the stream before buffer[0]

  private State state = State.START;
  private String table;
  private final List<String> columns = new ArrayList<>();
  private final Map<String, Integer> indexByName = new HashMap<>();
  private boolean[] keep;
  private Value[] values;
  private long tuples;

  /** One value of the current tuple: NULL, or its bytes (escapes resolved). */
  private static final class Value {
    byte[] bytes = new byte[64];
    int length;
    boolean isNull;

    void add(int b) {
      if (length == bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(64, bytes.length * 2));
      }
      bytes[length++] = (byte) b;
    }
  }

  /**
   * @param in the uncompressed dump bytes
   * @param name the file name errors give
   * @param wanted the columns whose values the caller reads; others are skipped
   */
  SqlDumpReader(InputStream in, String name, Collection<String> wanted) {
    this.in = in;
    this.name = name;
    this.wanted = wanted;
  }

  /** The table name of the {@code CREATE TABLE} block. */
  String table() {
    readHeader();
    return table;
  }

  /** Column names in the dump's order, from its {@code CREATE TABLE} block. */
  List<String> columns() {
    readHeader();
    return columns;
  }

  boolean hasColumn(String column) {
    readHeader();
    return indexByName.containsKey(column);
  }

  /** Fails, naming the file, unless every given column is in the {@code CREATE TABLE} block. */
  void require(String... required) {
    readHeader();
    for (String column : required) {
      if (!indexByName.containsKey(column)) {
        throw new InvalidInputException(name + ": missing required column " + column
            + " in CREATE TABLE `" + table + "` (columns: " + String.join(", ", columns) + ")");
      }
    }
  }

  /** Moves to the next tuple; false at the end of the dump. */
  boolean next() {
    readHeader();
    while (true) {
      if (state == State.DONE) {
        return false;
      }
      if (state == State.TUPLES) {
        readTuple();
        return true;
      }
      if (!nextStatement()) {
        state = State.DONE;
        return false;
      }
    }
  }

  /** Tuples read so far. */
  long tuples() {
    return tuples;
  }

  /** Bytes of the uncompressed stream read so far. */
  long position() {
    return consumed + next;
  }

  boolean isNull(String column) {
    return value(column).isNull;
  }

  /** The raw bytes of a wanted column's value; null for NULL. */
  byte[] bytes(String column) {
    Value v = value(column);
    return v.isNull ? null : Arrays.copyOf(v.bytes, v.length);
  }

  /** A wanted column's value decoded as UTF-8 (bad sequences replaced); null for NULL. */
  String string(String column) {
    Value v = value(column);
    return v.isNull ? null : new String(v.bytes, 0, v.length, StandardCharsets.UTF_8);
  }

  /** A wanted column's value as an integer; null for NULL; an error when not an integer. */
  Long number(String column) {
    Value v = value(column);
    if (v.isNull) {
      return null;
    }
    long result = 0;
    int i = 0;
    boolean negative = v.length > 0 && v.bytes[0] == '-';
    if (negative) {
      i = 1;
    }
    if (i == v.length || v.length - i > 19) {
      throw notInteger(column, v);
    }
    for (; i < v.length; i++) {
      int d = v.bytes[i] - '0';
      if (d < 0 || d > 9) {
        throw notInteger(column, v);
      }
      result = result * 10 + d;
      if (result < 0) {
        throw notInteger(column, v);
      }
    }
    return negative ? -result : result;
  }

  /** A wanted column's value as an INT; null for NULL; an error when not one. */
  Integer integer(String column) {
    Long value = number(column);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error("tuple " + tuples + ": column " + column + " is out of the INT range: " + value);
    }
    return value.intValue();
  }

  private InvalidInputException notInteger(String column, Value v) {
    String text = new String(v.bytes, 0, Math.min(v.length, 40), StandardCharsets.UTF_8);
    return error("tuple " + tuples + ": column " + column + " is not an integer: '" + text + "'");
  }

  private Value value(String column) {
    Integer at = indexByName.get(column);
    if (at == null || !keep[at]) {
      throw new IllegalStateException(column + " is not a wanted column of " + name);
    }
    return values[at];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  // ---- statements ----

  private void readHeader() {
    if (state != State.START) {
      return;
    }
    while (table == null) {
      byte[] line = readLine(false);
      if (line == null) {
        throw error("no CREATE TABLE block before the end of the file");
      }
      if (startsWith(line, INSERT)) {
        throw error("INSERT before any CREATE TABLE block");
      }
      if (startsWith(line, CREATE)) {
        table = between(line, CREATE.length);
        readColumns();
      }
    }
    keep = new boolean[columns.size()];
    values = new Value[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      keep[i] = wanted.contains(columns.get(i));
      values[i] = new Value();
    }
    state = State.BETWEEN;
  }

  private void readColumns() {
    while (true) {
      byte[] line = readLine(false);
      if (line == null) {
        throw error("end of file inside the CREATE TABLE block");
      }
      int i = 0;
      while (i < line.length && line[i] == ' ') {
        i++;
      }
      if (i < line.length && line[i] == ')') {
        break;
      }
      if (i < line.length && line[i] == '`') {
        String column = between(line, i);
        indexByName.putIfAbsent(column, columns.size());
        columns.add(column);
      }
    }
    if (columns.isEmpty()) {
      throw error("CREATE TABLE `" + table + "` lists no columns");
    }
  }

  /** Reads lines up to the next INSERT's first tuple; false at the end of the file. */
  private boolean nextStatement() {
    while (true) {
      byte[] line = readLine(true);
      if (line == null) {
        return false;
      }
      if (line == INSERT) {
        state = State.TUPLES;
        return true;
      }
      if (startsWith(line, CREATE)) {
        throw error("a second CREATE TABLE block");
      }
    }
  }

  /**
   * Reads one line (without its end). With {@code stopAtInsert}, an INSERT line is read only up to
   * its {@code VALUES } and the marker {@link #INSERT} is returned. Only the first bytes of a long
   * line are kept. Null at the end of the file.
   */
  private byte[] readLine(boolean stopAtInsert) {
    byte[] kept = new byte[256];
    int length = 0;
    long total = 0;
    int b;
    while ((b = read()) >= 0 && b != '\n') {
      if (length < KEPT_LINE_BYTES) {
        if (length == kept.length) {
          kept = Arrays.copyOf(kept, kept.length * 2);
        }
        kept[length++] = (byte) b;
      }
      total++;
      if (stopAtInsert && length >= INSERT.length && length <= KEPT_LINE_BYTES
          && endsWith(kept, length, VALUES) && startsWith(kept, INSERT)) {
        if (table == null) {
          throw error("INSERT before any CREATE TABLE block");
        }
        return INSERT;
      }
    }
    if (b < 0 && total == 0) {
      return null;
    }
    return Arrays.copyOf(kept, length);
  }

  // ---- tuples ----

  private void readTuple() {
    expect('(');
    for (Value v : values) {
      v.length = 0;
      v.isNull = false;
    }
    int column = 0;
    while (true) {
      if (column >= values.length) {
        throw error("tuple " + (tuples + 1) + " has more values than the " + values.length
            + " columns of CREATE TABLE `" + table + "`");
      }
      Value v = keep[column] ? values[column] : null;
      int c = read();
      if (c == '\'') {
        readString(v);
        c = read();
      } else if (c == 'N') {
        expect('U');
        expect('L');
        expect('L');
        if (v != null) {
          v.isNull = true;
        }
        c = read();
      } else {
        c = readBare(c, v);
      }
      column++;
      if (c == ')') {
        break;
      }
      if (c != ',') {
        throw unexpected(c, "',' or ')' after a value");
      }
    }
    if (column != values.length) {
      throw error("tuple " + (tuples + 1) + " has " + column + " values, CREATE TABLE `" + table
          + "` has " + values.length + " columns");
    }
    tuples++;
    int c = read();
    if (c == ',') {
      return; // another tuple of this INSERT follows
    }
    if (c != ';') {
      throw unexpected(c, "',' or ';' after a tuple");
    }
    int end = read();
    if (end == '\r') {
      end = read();
    }
    if (end != '\n' && end != -1) {
      throw unexpected(end, "a line end after ';'");
    }
    state = State.BETWEEN;
  }

  private void readString(Value v) {
    while (true) {
      int c = read();
      if (c < 0) {
        throw error("end of file inside a quoted string (truncated file?)");
      }
      if (c == '\'') {
        if (peek() == '\'') {
          read();
        } else {
          return;
        }
      } else if (c == '\\') {
        int e = read();
        switch (e) {
          case -1:
            throw error("end of file inside a quoted string (truncated file?)");
          case '0': c = 0; break;
          case 'n': c = '\n'; break;
          case 'r': c = '\r'; break;
          case 'Z': c = 26; break;
          case 'b': c = '\b'; break;
          case 't': c = '\t'; break;
          default: c = e; // \\ \' \" and any other \X
        }
      }
      if (v != null) {
        v.add(c);
      }
    }
  }

  /** Reads a bare value (number) that began with {@code first}; returns the delimiter after it. */
  private int readBare(int first, Value v) {
    int c = first;
    int length = 0;
    while (c != ',' && c != ')') {
      if (c < 0) {
        throw error("end of file inside a tuple (truncated file?)");
      }
      boolean numeric = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e'
          || c == 'E';
      if (!numeric) {
        throw unexpected(c, "a value (quoted string, number or NULL)");
      }
      if (v != null) {
        v.add(c);
      }
      length++;
      c = read();
    }
    if (length == 0) {
      throw unexpected(c, "a value (quoted string, number or NULL)");
    }
    return c;
  }

  private void expect(int wantedByte) {
    int c = read();
    if (c != wantedByte) {
      throw unexpected(c, "'" + (char) wantedByte + "'");
    }
  }

  private InvalidInputException unexpected(int c, String expected) {
    String found = c < 0 ? "the end of the file (truncated file?)"
        : (c >= 32 && c < 127 ? "'" + (char) c + "'" : "byte " + c);
    // The offending byte is the last one read.
    return error(position() - (c < 0 ? 0 : 1), "expected " + expected + ", found " + found
        + " (in tuple " + (tuples + 1) + ")");
  }

  private InvalidInputException error(String message) {
    return error(position(), message);
  }

  private InvalidInputException error(long at, String message) {
    return new InvalidInputException(name + ": byte " + at + ": " + message);
  }

  // ---- bytes ----

  private int read() {
    if (next == limit && !fill()) {
      return -1;
    }
    return buffer[next++] & 0xff;
  }

  private int peek() {
    if (next == limit && !fill()) {
      return -1;
    }
    return buffer[next] & 0xff;
  }

  private boolean fill() {
    consumed += limit;
    next = 0;
    limit = 0;
    try {
      int n;
      do {
        n = in.read(buffer, 0, buffer.length);
      } while (n == 0);
      if (n < 0) {
        return false;
      }
      limit = n;
      return true;
    } catch (IOException e) {
      throw new InvalidInputException(name + ": byte " + consumed
          + ": truncated or corrupt compressed data (" + e.getMessage() + ")", e);
    }
  }

  private static boolean startsWith(byte[] line, byte[] prefix) {
    if (line.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] line, int length, byte[] suffix) {
    if (length < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (line[length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The text between the backquote at or after {@code from} and the next backquote. */
  private String between(byte[] line, int from) {
    int open = from;
    while (open < line.length && line[open] != '`') {
      open++;
    }
    int close = open + 1;
    while (close < line.length && line[close] != '`') {
      close++;
    }
    if (close >= line.length) {
      throw error("a name without backquotes in: "
          + new String(line, StandardCharsets.UTF_8));
    }
    return new String(line, open + 1, close - open - 1, StandardCharsets.UTF_8);
  }
}
