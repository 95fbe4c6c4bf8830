package org.commonsimpact.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonthTest {
  @Test
  void parsesAndRejects() {
    Month m = Month.parse("2024-02");
    assertEquals(29, m.lengthInDays());
    assertEquals("20240201000000", m.mediawikiStart());
    assertEquals("20240301000000", m.mediawikiEnd());
    assertEquals("20250101000000", Month.parse("2024-12").mediawikiEnd());
    for (String bad : new String[] {"2024-13", "2024-00", "2024-2", "24-02", "2024/02", "", " 2024-02"}) {
      assertThrows(InvalidInputException.class, () -> Month.parse(bad), bad);
    }
  }

  @Test
  void ranges() {
    assertEquals(List.of(Month.parse("2023-12"), Month.parse("2024-01"), Month.parse("2024-02")),
        Month.range(Month.parse("2023-12"), Month.parse("2024-02")));
    assertThrows(InvalidInputException.class,
        () -> Month.range(Month.parse("2024-02"), Month.parse("2024-01")));
  }
}
