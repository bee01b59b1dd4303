package io.flowlake.simulator;

import static io.flowlake.simulator.FlowNodes.CHOICE;
import static io.flowlake.simulator.FlowNodes.CHOICE_ACK;
import static io.flowlake.simulator.FlowNodes.CHOICE_RESULT;
import static io.flowlake.simulator.FlowNodes.CHOICE_RETRY;
import static io.flowlake.simulator.FlowNodes.INTRO;
import static io.flowlake.simulator.FlowNodes.NUMBER;
import static io.flowlake.simulator.FlowNodes.NUMBER_RESULT;
import static io.flowlake.simulator.FlowNodes.OUTRO;
import static io.flowlake.simulator.FlowNodes.TEXT;
import static io.flowlake.simulator.FlowNodes.TEXT_RESULT;

import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One engine step of an ongoing run, as mailroom would write it: an active run reaches its next
 * wait; a waiting run gets an answer (its result is written or overwritten, the path moves on, and
 * after the last question it completes), or it expires, or it is interrupted.
 */
final class RunAdvance {
  final RunStatus status;
  final boolean responded;
  final long exitedOn;
  final RunBody body;

  private RunAdvance(RunStatus status, boolean responded, long exitedOn, RunBody body) {
    this.status = status;
    this.responded = responded;
    this.exitedOn = exitedOn;
    this.body = body;
  }

  static RunAdvance of(
      GeneratedFlow flow, RunBody body, boolean responded, long now, SplittableRandom rng) {
    Step step = new Step(flow, body, now, rng);
    List<PathStep> path = body.path();
    int at = flow.definition().nodeUuids().indexOf(path.get(path.size() - 1).node());
    if (at == INTRO || at == CHOICE_ACK) {
      step.visit(at == INTRO ? CHOICE : NUMBER);
      return step.result(RunStatus.WAITING, responded);
    }
    int u = rng.nextInt(100);
    if (u < 12) {
      return step.result(RunStatus.EXPIRED, responded);
    }
    if (u < 17) {
      return step.result(RunStatus.INTERRUPTED, responded);
    }
    FlowTemplate t = flow.template();
    switch (at) {
      case CHOICE -> {
        if (u < 32) {
          step.answer(CHOICE_RESULT, t.otherCategory());
          step.visit(CHOICE_RETRY);
          step.visit(CHOICE);
          return step.result(RunStatus.WAITING, true);
        }
        boolean timedOut = u < 42;
        step.answer(
            CHOICE_RESULT, timedOut ? t.noResponseCategory() : rng.nextInt(t.choices().size()));
        step.visit(CHOICE_ACK);
        step.visit(NUMBER);
        return step.result(RunStatus.WAITING, responded || !timedOut);
      }
      case NUMBER -> {
        step.answer(
            NUMBER_RESULT, rng.nextInt(100) < 85 ? FlowNodes.VALID : FlowNodes.NOT_A_NUMBER);
        step.visit(TEXT);
        return step.result(RunStatus.WAITING, true);
      }
      case TEXT -> {
        step.answer(TEXT_RESULT, 0);
        step.visit(OUTRO);
        return step.result(RunStatus.COMPLETED, true);
      }
      default -> throw new IllegalStateException("an ongoing run cannot stop at node " + at);
    }
  }

  /** The run's path and values being extended, everything at one engine time. */
  private static final class Step {
    private final GeneratedFlow flow;
    private final long now;
    private final SplittableRandom rng;
    private final List<PathStep> path;
    private final Map<String, ResultValue> values;

    Step(GeneratedFlow flow, RunBody body, long now, SplittableRandom rng) {
      this.flow = flow;
      this.now = now;
      this.rng = rng;
      this.path = new ArrayList<>(body.path());
      this.values = new LinkedHashMap<>(body.values());
    }

    void visit(int node) {
      path.add(new PathStep(flow.nodeUuid(node), ApiTimes.instant(now)));
    }

    void answer(int slot, int category) {
      values.put(flow.result(slot).key(), RunBodies.value(flow, slot, category, now, rng));
    }

    RunAdvance result(RunStatus status, boolean responded) {
      long exited = status.isOngoing() ? RunPlan.NO_TIME : now;
      return new RunAdvance(status, responded, exited, new RunBody(path, values));
    }
  }
}
