package org.commonsimpact.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Stage;
import org.junit.jupiter.api.Test;

/** The stage list: pipeline order whatever is asked, new instances, unknown names refused. */
class PipelineStagesTest {
  private static List<String> names(List<Stage> stages) {
    return stages.stream().map(Stage::name).toList();
  }

  @Test
  void allStagesInPipelineOrder() {
    assertEquals(List.of("graph", "metrics", "dumps", "serving"), PipelineStages.names());
    assertEquals(PipelineStages.names(), names(PipelineStages.all()));
    assertEquals(PipelineStages.names(), names(PipelineStages.select(List.of())));
    assertNotSame(PipelineStages.all().get(0), PipelineStages.all().get(0));
  }

  @Test
  void selectedStagesKeepPipelineOrder() {
    assertEquals(List.of("graph", "serving"),
        names(PipelineStages.select(List.of("serving", " graph"))));
  }

  @Test
  void anUnknownStageIsInvalidInput() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> PipelineStages.select(List.of("graph", "publish")));
    assertEquals("unknown stage 'publish' in --stages: the stages are graph, metrics, dumps, "
        + "serving", e.getMessage());
  }
}
