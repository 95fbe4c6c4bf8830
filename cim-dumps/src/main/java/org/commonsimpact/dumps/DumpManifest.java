package org.commonsimpact.dumps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonsimpact.common.Month;

/**
 * The month's {@code _manifest.json}: per dump file its table, name, rows, uncompressed and
 * compressed sizes, number of bzip2 streams and checksums. It holds nothing that varies between runs
 * (no times, no paths), so that re-running a month rewrites it byte for byte.
 */
final class DumpManifest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Month month;
  private final List<Map<String, Object>> files = new ArrayList<>();

  DumpManifest(Month month) {
    this.month = month;
  }

  void add(String table, String fileName, WrittenDump dump) {
    files.add(entry(table, fileName, dump));
  }

  List<Map<String, Object>> files() {
    return files;
  }

  /** One file's entry, also used in the run report. */
  static Map<String, Object> entry(String table, String fileName, WrittenDump dump) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("table", table);
    entry.put("file", fileName);
    entry.put("rows", dump.lines());
    entry.put("uncompressed_bytes", dump.uncompressedBytes());
    entry.put("compressed_bytes", dump.compressedBytes());
    entry.put("streams", dump.streams());
    entry.put("md5", dump.md5());
    entry.put("sha256", dump.sha256());
    return entry;
  }

  String toJson() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("month", month.toString());
    all.put("format", "tsv, utf-8, no header, sorted by utf-8 bytes, bzip2 (concatenated streams)");
    all.put("files", files);
    try {
      return JSON.writeValueAsString(all) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest not serializable", e);
    }
  }
}
