package org.commonsimpact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Month;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option parsing and the world plan's arithmetic; no Spark. */
class GenerateCommandTest {
  @Test
  void parsesOptionsWithDefaults() {
    GenerateCommand command = new GenerateCommand();
    new CommandLine(command).parseArgs("--scale", "0.01", "--seed", "3", "--warehouse", "w");
    assertEquals(0.01, command.scale);
    assertEquals(3, command.seed);
    assertEquals("2024-02", command.month);
    assertFalse(command.megaCategory);
    assertEquals(WorldGenerator.DEFAULT_ROWS_PER_PARTITION, command.rowsPerPartition);
    new CommandLine(command).parseArgs("--scale", "4", "--seed", "3", "--warehouse", "w",
        "--mega-category", "--month", "2023-12", "--allow-list-out", "a.txt");
    assertTrue(command.megaCategory);
    assertEquals(Paths.get("a.txt"), command.allowListOut);
  }

  @Test
  void allowListDefaultsBesideALocalWarehouse() {
    assertEquals(Paths.get("w/allow_list.txt"), GenerateCommand.defaultAllowList("w"));
    assertEquals(Paths.get("/tmp/w/allow_list.txt"), GenerateCommand.defaultAllowList("file:/tmp/w"));
    assertThrows(InvalidInputException.class,
        () -> GenerateCommand.defaultAllowList("hdfs://nn/warehouse"));
  }

  @Test
  void planRejectsBadScalesAndKeepsPrimariesDistinct() {
    Month month = Month.parse("2024-02");
    assertThrows(InvalidInputException.class, () -> new WorldPlan(0, 1, month, false));
    assertThrows(InvalidInputException.class, () -> new WorldPlan(-1, 1, month, false));
    assertThrows(InvalidInputException.class, () -> new WorldPlan(Double.NaN, 1, month, false));
    for (double scale : new double[] {0.001, 0.05, 1, 4}) {
      WorldPlan plan = new WorldPlan(scale, 42, month, true);
      assertEquals(plan.primaryKeys().size(),
          plan.primaryKeys().stream().distinct().count(), "scale " + scale);
      for (long key : plan.primaryKeys()) {
        assertTrue(key >= 1 && (key < plan.chainBase || key == WorldPlan.MEGA_CATEGORY_KEY));
      }
    }
    WorldPlan four = new WorldPlan(4, 1, month, true);
    assertEquals(160_000, four.categories);
    assertEquals(5_000_000, four.megaPages);
    assertEquals(0, new WorldPlan(4, 1, month, false).megaPages);
  }

  @Test
  void percentEncodingAndMessySpellingsNormalizeBack() {
    String title = "Arts_&_Crafts_de_Musée_d'Orsay_(𠮷野家)";
    for (int variant = 0; variant < 8; variant++) {
      assertEquals(title, WorldGeneratorTest.normalize(AllowListWriter.messy(title, variant)),
          "variant " + variant);
    }
    assertEquals("Mus%C3%A9e_%26", AllowListWriter.percentEncode("Musée_&"));
  }
}
