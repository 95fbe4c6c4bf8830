package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.commonsimpact.bench.ImportReadersFigures.Run;
import org.junit.jupiter.api.Test;

/** {@code cim bench-import} prints what its figures hold: a header, then one TSV line a run. */
class ImportReadersFiguresTest {
  @Test
  void linesArePrintedFromTheFigures() {
    ImportReadersFigures figures = new ImportReadersFigures(List.of(
        new Run("sql", "bench-categorylinks.sql", 200_012_345, 2.5, 2_150_000),
        new Run("sql", "bench-categorylinks.sql.gz", 200_012_345, 4.0, 2_150_000),
        new Run("xml", "bench-stub-meta-history.xml", 1_960_000, 0.125, 4321)));

    assertEquals(80.004938, figures.runs().get(0).megabytesPerSecond(), 1e-9);
    assertEquals(List.of(
        "reader\tinput\tuncompressed_mb\tseconds\tmb_per_s",
        "sql\tbench-categorylinks.sql\t200.0\t2.50\t80.0",
        "sql\tbench-categorylinks.sql.gz\t200.0\t4.00\t50.0",
        "xml\tbench-stub-meta-history.xml\t2.0\t0.13\t15.7"),
        figures.lines());
  }

  @Test
  void noRunsPrintTheHeaderOnly() {
    assertEquals(List.of("reader\tinput\tuncompressed_mb\tseconds\tmb_per_s"),
        new ImportReadersFigures(List.of()).lines());
  }
}
