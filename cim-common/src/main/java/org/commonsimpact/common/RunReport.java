package org.commonsimpact.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable report of one run (SPEC §8, §10): what was asked, what was found, row counts,
 * per-stage seconds, warnings, and the failure if any. Stages add to it as they go; it is written
 * even when a stage fails, so a scheduler can alert on it.
 */
public final class RunReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public RunReport(Month month) {
    fields.put("month", month.toString());
    fields.put("status", "running");
  }

  /** Sets a top-level field; a later call replaces the value. */
  public synchronized RunReport put(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  public synchronized Object get(String field) {
    return fields.get(field);
  }

  public synchronized void stageSeconds(String stage, double seconds) {
    stageSeconds.put(stage, Math.round(seconds * 1000) / 1000.0);
  }

  public synchronized void warn(String warning) {
    warnings.add(warning);
  }

  public synchronized List<String> warnings() {
    return List.copyOf(warnings);
  }

  public synchronized String toJson() {
    Map<String, Object> all = new LinkedHashMap<>(fields);
    all.put("stage_seconds", new LinkedHashMap<>(stageSeconds));
    all.put("warnings", new ArrayList<>(warnings));
    try {
      return JSON.writeValueAsString(all) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("run report not serializable", e);
    }
  }

  /** Writes the report atomically (temporary file, then rename) to a local file. */
  public void writeTo(Path file) throws IOException {
    RunReportFiles.writeLocal(file, toJson());
  }
}
