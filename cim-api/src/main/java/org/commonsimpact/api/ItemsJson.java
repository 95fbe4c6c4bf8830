package org.commonsimpact.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a 200 body: {@code {"items": [...]}}, one object per row with every column as a field in
 * kebab-case, {@code dt} as {@code timestamp} in ISO 8601 UTC ({@code 2024-02-01T00:00:00Z}),
 * counts, {@code year}, {@code month} and {@code rank} as JSON numbers, fields in column order.
 */
public final class ItemsJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ItemsJson() {}

  /** The UTF-8 body for {@code rows} of {@code endpoint} (values in column order). */
  public static byte[] write(Endpoint endpoint, List<List<Object>> rows) {
    List<String> columns = endpoint.columns();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + rows.size() * 160);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("items");
      for (List<Object> row : rows) {
        json.writeStartObject();
        for (int i = 0; i < columns.size(); i++) {
          json.writeFieldName(Names.field(columns.get(i)));
          writeValue(json, row.get(i));
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code 2024-02-01T00:00:00Z}. */
  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Long) {
      json.writeNumber((Long) value);
    } else if (value instanceof Integer) {
      json.writeNumber((Integer) value);
    } else if (value instanceof Instant) {
      json.writeString(timestamp((Instant) value));
    } else if (value instanceof String) {
      json.writeString((String) value);
    } else {
      throw new IllegalArgumentException("unexpected column value " + value.getClass().getName());
    }
  }
}
