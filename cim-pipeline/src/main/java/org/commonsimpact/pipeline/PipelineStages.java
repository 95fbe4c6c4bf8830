package org.commonsimpact.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.commonsimpact.common.InvalidInputException;
import org.commonsimpact.common.Stage;
import org.commonsimpact.dumps.DumpStage;
import org.commonsimpact.graph.GraphStage;
import org.commonsimpact.metrics.MetricsStage;
import org.commonsimpact.serving.ServingStage;

/**
 * The stages of the monthly pipeline, in the order data flows through them: the one list that
 * {@code cim run}, {@code cim backfill}, {@code cim demo} and {@code cim bench} select from. Each
 * call returns new stage instances, so that a month never sees state left by another.
 */
public final class PipelineStages {
  private static final Map<String, Supplier<Stage>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("graph", GraphStage::new);
    ALL.put("metrics", MetricsStage::new);
    ALL.put("dumps", DumpStage::new);
    ALL.put("serving", ServingStage::new);
  }

  private PipelineStages() {}

  /** The stage names, in pipeline order. */
  public static List<String> names() {
    return new ArrayList<>(ALL.keySet());
  }

  /** Every stage, in pipeline order: a full month. */
  public static List<Stage> all() {
    return select(null);
  }

  /**
   * The stages named in a {@code --stages} list (all when null or empty), in pipeline order
   * whatever the order of the list; an unknown name is invalid input.
   */
  public static List<Stage> select(List<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return ALL.values().stream().map(Supplier::get).toList();
    }
    for (String name : requested) {
      if (!ALL.containsKey(name.trim())) {
        throw new InvalidInputException("unknown stage '" + name + "' in --stages: the stages are "
            + String.join(", ", ALL.keySet()));
      }
    }
    List<Stage> stages = new ArrayList<>();
    ALL.forEach((name, stage) -> {
      if (requested.stream().anyMatch(r -> r.trim().equals(name))) {
        stages.add(stage.get());
      }
    });
    return stages;
  }
}
