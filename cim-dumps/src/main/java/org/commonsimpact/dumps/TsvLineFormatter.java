package org.commonsimpact.dumps;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.TsvValues;
import scala.Function1;

/**
 * Turns rows of a base table into dump lines (SPEC §6): each value in its {@link TsvValues} text
 * form, tab-separated, UTF-8, without the line end.
 *
 * <p>It reads Spark's internal rows (the scan's own {@link InternalRow}s, not {@code Row} objects)
 * and writes the UTF-8 bytes of strings, integers and arrays of strings straight into the line, so
 * that a row costs no Java string or {@code Row} per value; values of any other type (timestamps)
 * go through Spark's conversion to their external Java type and {@link TsvValues#format}, as a
 * {@code Row} would. The bytes are the same as {@code TsvValues.format} of each value of the row's
 * {@code Row}, joined with tabs.
 *
 * <p>Values are written raw, so a value whose text holds a tab or a newline would corrupt the file;
 * such a row fails the task with an {@link InvalidInputException} that names the table, the column
 * and the row.
 */
final class TsvLineFormatter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN_CHARS = 120;
  private static final byte[] NULL = TsvValues.NULL.getBytes(StandardCharsets.UTF_8);

  private final String table;
  private final String[] columns;
  private final DataType[] types;

  /**
   * @param schema the rows' schema, whose fields are the table's columns in order
   */
  TsvLineFormatter(String table, StructType schema) {
    this.table = table;
    StructField[] fields = schema.fields();
    this.columns = new String[fields.length];
    this.types = new DataType[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = fields[i].name();
      types[i] = fields[i].dataType();
    }
  }

  /** The column names, in order. */
  List<String> columns() {
    return List.of(columns);
  }

  /** The lines of {@code rows}, one per row; rows may be reused by the caller's iterator. */
  Iterator<byte[]> lines(Iterator<InternalRow> rows) {
    Writer writer = new Writer();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public byte[] next() {
        return writer.line(rows.next());
      }
    };
  }

  /** One row's line (tests and single rows; {@link #lines} reuses its buffer across rows). */
  byte[] format(InternalRow row) {
    return new Writer().line(row);
  }

  /** Writes lines into one growing buffer, reused from row to row within a task. */
  private final class Writer {
    private byte[] buffer = new byte[512];
    private int length;
    private Function1<Object, Object>[] converters;

    byte[] line(InternalRow row) {
      length = 0;
      for (int i = 0; i < types.length; i++) {
        if (i > 0) {
          put((byte) '\t');
        }
        int start = length;
        value(row, i);
        if (holdsTabOrNewline(start)) {
          throw new InvalidInputException(describe(row, i));
        }
      }
      return Arrays.copyOf(buffer, length);
    }

    private void value(InternalRow row, int i) {
      if (row.isNullAt(i)) {
        put(NULL);
        return;
      }
      DataType type = types[i];
      if (type == DataTypes.StringType) {
        put(row.getUTF8String(i));
      } else if (type == DataTypes.IntegerType) {
        putAscii(Integer.toString(row.getInt(i)));
      } else if (type == DataTypes.LongType) {
        putAscii(Long.toString(row.getLong(i)));
      } else if (type instanceof ArrayType
          && ((ArrayType) type).elementType() == DataTypes.StringType) {
        ArrayData items = row.getArray(i);
        for (int k = 0; k < items.numElements(); k++) {
          if (k > 0) {
            put((byte) '|');
          }
          if (items.isNullAt(k)) {
            put(NULL);
          } else {
            put(items.getUTF8String(k));
          }
        }
      } else {
        put(text(row, i).getBytes(StandardCharsets.UTF_8));
      }
    }

    /** The value as a {@code Row} would hold it, in {@link TsvValues} text form. */
    @SuppressWarnings("unchecked")
    private String text(InternalRow row, int i) {
      if (row.isNullAt(i)) {
        return TsvValues.NULL;
      }
      if (converters == null) {
        converters = new Function1[types.length];
      }
      if (converters[i] == null) {
        converters[i] = CatalystTypeConverters.createToScalaConverter(types[i]);
      }
      return TsvValues.format(converters[i].apply(row.get(i, types[i])));
    }

    /** UTF-8 never encodes other characters with bytes below 0x80: a byte test suffices. */
    private boolean holdsTabOrNewline(int start) {
      for (int k = start; k < length; k++) {
        if (buffer[k] == '\t' || buffer[k] == '\n') {
          return true;
        }
      }
      return false;
    }

    private String describe(InternalRow row, int badColumn) {
      String bad = text(row, badColumn);
      String what = bad.indexOf('\t') >= 0 ? "a tab" : "a newline";
      StringBuilder values = new StringBuilder();
      for (int i = 0; i < columns.length; i++) {
        if (i > 0) {
          values.append(", ");
        }
        values.append(columns[i]).append('=').append(shown(text(row, i)));
      }
      return "cannot dump table " + table + ": column " + columns[badColumn] + " holds " + what
          + " (dump values are written raw, SPEC §6) in row {" + values + "}";
    }

    private void put(byte b) {
      ensure(1);
      buffer[length++] = b;
    }

    private void put(byte[] bytes) {
      ensure(bytes.length);
      System.arraycopy(bytes, 0, buffer, length, bytes.length);
      length += bytes.length;
    }

    private void put(UTF8String text) {
      int n = text.numBytes();
      ensure(n);
      text.writeToMemory(buffer, org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET + length);
      length += n;
    }

    private void putAscii(String digits) {
      ensure(digits.length());
      for (int k = 0; k < digits.length(); k++) {
        buffer[length++] = (byte) digits.charAt(k);
      }
    }

    private void ensure(int more) {
      if (length + more > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
      }
    }
  }

  /** The value on one line: tab, newline and carriage return escaped, long values shortened. */
  private static String shown(String value) {
    String escaped = value.replace("\t", "\\t").replace("\n", "\\n")
        .replace("\r", "\\r");
    if (escaped.length() > MAX_SHOWN_CHARS) {
      return escaped.substring(0, MAX_SHOWN_CHARS) + "...";
    }
    return escaped;
  }
}
