package org.commonsimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.commonsimpact.common.Readiness;
import org.commonsimpact.common.RunOptions;
import org.commonsimpact.common.RunReport;
import org.commonsimpact.common.SourceTables;
import org.commonsimpact.common.SparkTestSupport;
import org.commonsimpact.common.Stage;
import org.commonsimpact.common.StageContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month runner on stand-in stages: the order of the steps and what the listener hears, the
 * report on success, and on failure in readiness or in a stage (written, naming the step).
 */
class MonthlyRunTest {
  private static final Month MONTH = Month.parse("2024-02");
  private static final RunOptions OPTIONS =
      new RunOptions("allow.txt", RunOptions.DEFAULT_MAX_DEPTH, "dumps", false);

  @TempDir Path tmp;
  private SparkSession session;
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void session() {
    session = SparkTestSupport.freshSession(tmp);
  }

  /** A stage that records that it ran, can ask for a source table and can fail. */
  private Stage stage(String name, SourceTables requiredTable, RuntimeException failure) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void requireInputs(StageContext context, Readiness readiness) {
        if (requiredTable == SourceTables.WIKIS) {
          readiness.requireTable(requiredTable.qualifiedName());
        } else if (requiredTable != null) {
          readiness.requireSnapshot(requiredTable);
        }
      }

      @Override
      public void run(StageContext context) {
        events.add("ran " + name);
        if (failure != null) {
          throw failure;
        }
        context.report().put(name + "_rows", 3);
      }
    };
  }

  private final StepListener listener = new StepListener() {
    @Override
    public void started(String step) {
      events.add("started " + step);
    }

    @Override
    public void finished(String step, double seconds) {
      assertTrue(seconds >= 0);
      events.add("finished " + step);
    }
  };

  private JsonNode reportFile(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void runsReadinessThenTheStagesInOrderAndWritesTheReport() throws Exception {
    Path file = tmp.resolve("report.json");
    RunReport report = MonthlyRun.run(session, MONTH, OPTIONS,
        List.of(stage("first", null, null), stage("second", null, null)), file.toString(),
        listener);
    assertEquals(List.of("started readiness", "finished readiness", "started first", "ran first",
        "finished first", "started second", "ran second", "finished second"), events);
    assertEquals("succeeded", report.get("status"));
    assertEquals(0, report.get("exit_status"));
    assertEquals(List.of("first", "second"), report.get("stages"));
    assertEquals(Map.of(), report.get("input_row_counts"));
    JsonNode written = reportFile(file);
    assertEquals("2024-02", written.get("month").asText());
    assertEquals(3, written.get("second_rows").asInt());
    assertEquals(List.of("first", "second"),
        iterable(written.get("stage_seconds").fieldNames()));
    assertTrue(written.get("total_seconds").asDouble() >= 0);
  }

  @Test
  void missingInputsStopTheRunBeforeAnyStage() throws Exception {
    Path file = tmp.resolve("report.json");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> MonthlyRun.run(session, MONTH, OPTIONS,
            List.of(stage("first", SourceTables.WIKIS, null),
                stage("second", SourceTables.MEDIAWIKI_PAGE, null)),
            file.toString(), listener));
    assertTrue(e.getMessage().startsWith("inputs not ready for 2024-02 (stages first,second): "),
        e.getMessage());
    assertTrue(e.getMessage().contains(
        "source.wikis does not exist; source.mediawiki_page does not exist"), e.getMessage());
    assertEquals(List.of("started readiness"), events, "no stage ran");
    JsonNode written = reportFile(file);
    assertEquals("failed", written.get("status").asText());
    assertEquals("readiness", written.get("failed_at").asText());
    assertEquals(2, written.get("exit_status").asInt());
    assertEquals(e.getMessage(), written.get("error").asText());
  }

  @Test
  void aFailingStageIsNamedAndTheLaterOnesDoNotRun() throws Exception {
    Path file = tmp.resolve("report.json");
    assertThrows(IllegalStateException.class, () -> MonthlyRun.run(session, MONTH, OPTIONS,
        List.of(stage("first", null, null),
            stage("second", null, new IllegalStateException("disk full\n  at the end")),
            stage("third", null, null)),
        file.toString(), listener));
    assertEquals(List.of("started readiness", "finished readiness", "started first", "ran first",
        "finished first", "started second", "ran second"), events);
    JsonNode written = reportFile(file);
    assertEquals("failed", written.get("status").asText());
    assertEquals("second", written.get("failed_at").asText());
    assertEquals(1, written.get("exit_status").asInt());
    assertEquals("disk full at the end", written.get("error").asText());
    assertEquals(List.of("first"), iterable(written.get("stage_seconds").fieldNames()));
    assertFalse(written.has("third_rows"));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> list = new ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
