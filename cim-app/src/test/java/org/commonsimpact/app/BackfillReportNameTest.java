package org.commonsimpact.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.commonsimpact.common.Month;
import org.junit.jupiter.api.Test;

/** Where each month's report of a back-fill goes, local or on HDFS. */
class BackfillReportNameTest {
  private final Month month = Month.parse("2024-03");

  @Test
  void monthPlaceholderIsReplaced() {
    assertEquals("reports/2024-03.json", BackfillCommand.reportFor("reports/{month}.json", month));
    assertEquals("hdfs://nn:8020/cim/r-2024-03/report.json",
        BackfillCommand.reportFor("hdfs://nn:8020/cim/r-{month}/report.json", month));
  }

  @Test
  void withoutPlaceholderTheMonthGoesBeforeTheExtension() {
    assertEquals("reports/run-2024-03.json", BackfillCommand.reportFor("reports/run.json", month));
    assertEquals("hdfs:///cim.d/report-2024-03",
        BackfillCommand.reportFor("hdfs:///cim.d/report", month));
    assertNull(BackfillCommand.reportFor(null, month));
  }
}
