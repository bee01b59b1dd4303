package io.flowlake.simulator;

import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Turns a run's plan into the path and values the API shows. */
final class RunBodies {
  private RunBodies() {}

  static RunBody fromPlan(long seed, int index, RunPlan plan, GeneratedFlow flow) {
    int[] nodes = plan.nodes();
    long[] times = plan.times();
    List<PathStep> path = new ArrayList<>(nodes.length);
    for (int k = 0; k < nodes.length; k++) {
      path.add(new PathStep(flow.nodeUuid(nodes[k]), ApiTimes.instant(times[k])));
    }
    // Texts come from their own stream so that planning a run never depends on them.
    SplittableRandom texts = SeededIds.random(seed, SeededIds.RUN_TEXT, index);
    Map<String, ResultValue> values = new LinkedHashMap<>();
    for (int slot = 0; slot < FlowNodes.RESULT_COUNT; slot++) {
      int category = plan.categories()[slot];
      if (category >= 0) {
        values.put(
            flow.result(slot).key(), value(flow, slot, category, plan.resultTimes()[slot], texts));
      }
    }
    return new RunBody(path, values);
  }

  /**
   * A result value as the API shows it: {@code input} was removed in Dec 2024 (docs/rapidpro-api.md
   * §2.4).
   */
  static ResultValue value(
      GeneratedFlow flow, int slot, int category, long time, SplittableRandom texts) {
    FlowResult result = flow.result(slot);
    return new ResultValue(
        result.name(),
        ValueTexts.value(flow.template(), slot, category, texts),
        result.categories().get(category),
        result.nodeUuids().get(0),
        ApiTimes.instant(time),
        null);
  }
}
