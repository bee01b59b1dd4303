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

import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides generated run {@code i} from {@code (seed, i)} alone, so a run can be planned again
 * whenever it is shown instead of being stored. Runs are created in id order over the 80 days
 * before {@code now}; about 55% complete, 15% are interrupted, 17% expire, 3% fail and 10% are
 * still ongoing (mostly among recent runs, as older ones would have expired). How many of a flow's
 * exited runs completed depends on the flow and the contact ({@link Engagement}).
 */
final class RunPlanner {
  static final long SECOND = 1_000_000L;
  static final long MINUTE = 60 * SECOND;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;
  static final long WINDOW = 80 * DAY;
  private static final long NO_RESPONSE_TIMEOUT = 30 * MINUTE;

  private final long seed;
  private final List<GeneratedFlow> flows;
  private final int contacts;
  private final long now;
  private final long windowStart;
  private final long slot;
  private final double[] flowShares;
  private final BulkInterrupt bulk;
  private final Engagement engagement;

  RunPlanner(long seed, int runs, List<GeneratedFlow> flows, ContactStore contacts, long now) {
    this.seed = seed;
    this.flows = flows;
    this.contacts = contacts.size();
    this.now = now;
    this.windowStart = now - WINDOW;
    this.slot = Math.max(1, (WINDOW - MINUTE) / Math.max(1, runs));
    this.flowShares = cumulativeShares(flows.size());
    this.bulk = BulkInterrupt.plan(seed, runs, windowStart, slot, now);
    this.engagement = Engagement.of(flows.size(), contacts, now);
  }

  static long windowStart(long now) {
    return now - WINDOW;
  }

  /** Some flows are busier than others: shares fall off as {@code 1/(f+1)^0.7}. */
  private static double[] cumulativeShares(int count) {
    double[] shares = new double[count];
    double total = 0;
    for (int f = 0; f < count; f++) {
      total += 1 / Math.pow(f + 1, 0.7);
      shares[f] = total;
    }
    for (int f = 0; f < count; f++) {
      shares[f] /= total;
    }
    return shares;
  }

  RunPlan plan(int i) {
    SplittableRandom rng = SeededIds.random(seed, SeededIds.RUN, i);
    long created = windowStart + i * slot + rng.nextLong(slot);
    if (i % 1013 == 5) {
      created = ApiTimes.floorToSecond(created); // now and then a timestamp with 0 micros
    }
    boolean inBulk = bulk.contains(i);
    int flow = inBulk ? bulk.flow() : pickFlow(rng);
    int contact = rng.nextInt(contacts);
    int start = inBulk ? bulk.start() : flowStart(rng, flow, created);
    RunStatus status =
        inBulk
            ? RunStatus.INTERRUPTED
            : drawStatus(rng, now - created, engagement.completion(flow, contact));
    GeneratedFlow f = flows.get(flow);
    PathWalk walk = walk(rng, created, status, i % 4096 == 17, f.template());
    Ending ending = inBulk ? bulkEnding(walk, created) : ending(rng, status, walk, created, f);
    long modified = ending.modified;
    long exited = ending.exited;
    if (!inBulk && i % 1009 == 3) {
      modified = ApiTimes.ceilToSecond(modified); // an exit with 0 micros: no fraction in the JSON
      exited = exited == RunPlan.NO_TIME ? exited : modified;
    }
    return new RunPlan(
        flow,
        contact,
        start,
        ending.status,
        walk.replied(),
        created,
        modified,
        exited,
        walk.nodes(),
        walk.times(),
        walk.categories(),
        walk.resultTimes());
  }

  /** How a run ended, or how it stands: its status, modified_on and exited_on. */
  private record Ending(RunStatus status, long modified, long exited) {}

  /** The bulk interrupt ended the run; its walk must be over a second before that. */
  private Ending bulkEnding(PathWalk walk, long created) {
    long limit = bulk.at() - SECOND;
    if (walk.last() > limit) {
      walk.squeeze(created, (double) (limit - created) / (walk.last() - created));
    }
    return new Ending(RunStatus.INTERRUPTED, bulk.at(), bulk.at());
  }

  /**
   * When the run exited after its last step, and when it was last written; nothing may lie after
   * {@code now}. A run whose expiry or interruption would come later is still waiting.
   */
  private Ending ending(
      SplittableRandom rng, RunStatus status, PathWalk walk, long created, GeneratedFlow flow) {
    long limit = now - SECOND;
    long exited = exitTime(rng, status, walk.last(), flow);
    if (exited > limit && (status == RunStatus.EXPIRED || status == RunStatus.INTERRUPTED)) {
      status = RunStatus.WAITING;
      exited = RunPlan.NO_TIME;
    }
    long modified =
        exited == RunPlan.NO_TIME
            ? walk.last() + rng.nextLong(50_000)
            // mailroom sets exited_on from the engine and modified_on = NOW() at commit.
            : exited + (rng.nextBoolean() ? 0 : rng.nextLong(1, 300_000));
    if (modified > limit) {
      double factor = (double) (limit - created) / (modified - created);
      walk.squeeze(created, factor);
      modified = PathWalk.squeeze(modified, created, factor);
      exited = exited == RunPlan.NO_TIME ? exited : PathWalk.squeeze(exited, created, factor);
    }
    return new Ending(status, modified, exited);
  }

  private int pickFlow(SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int f = 0; f < flowShares.length - 1; f++) {
      if (u < flowShares[f]) {
        return f;
      }
    }
    return flowShares.length - 1;
  }

  /** 45% of runs come from a flow start; one start per flow and day. */
  private static int flowStart(SplittableRandom rng, int flow, long created) {
    if (rng.nextInt(100) >= 45) {
      return -1;
    }
    return flow * 100_000 + (int) Math.floorMod(Math.floorDiv(created, DAY), 90_000L);
  }

  /**
   * @param completion the chance that the run, once exited, completed; the others end interrupted,
   *     expired or failed as 167 : 189 : 33
   */
  private static RunStatus drawStatus(SplittableRandom rng, long age, double completion) {
    int ongoingPercent = age < 10 * DAY ? 50 : 5;
    if (rng.nextInt(100) < ongoingPercent) {
      return rng.nextInt(10) < 3 ? RunStatus.ACTIVE : RunStatus.WAITING;
    }
    double u = rng.nextInt(1000) / 1000.0;
    if (u < completion) {
      return RunStatus.COMPLETED;
    }
    double v = (u - completion) / (1 - completion) * 389;
    return v < 167 ? RunStatus.INTERRUPTED : v < 356 ? RunStatus.EXPIRED : RunStatus.FAILED;
  }

  /** Where the run is (or was) when it stopped: waits for waiting, expired or interrupted runs. */
  private static int drawStop(SplittableRandom rng, RunStatus status) {
    return switch (status) {
      case COMPLETED -> OUTRO;
      case ACTIVE, FAILED -> rng.nextBoolean() ? INTRO : CHOICE_ACK;
      default -> {
        int u = rng.nextInt(100);
        yield u < 55 ? CHOICE : u < 80 ? NUMBER : TEXT;
      }
    };
  }

  private static int drawLoops(SplittableRandom rng) {
    int u = rng.nextInt(100);
    return u < 80 ? 0 : u < 95 ? 1 : 2 + rng.nextInt(2);
  }

  /**
   * The run's way through the flow's nodes (see {@link FlowNodes}): where it stopped for its
   * status, how often "Other" sent it round the retry loop, and its answers.
   */
  private static PathWalk walk(
      SplittableRandom rng, long created, RunStatus status, boolean longPath, FlowTemplate flow) {
    int stop = drawStop(rng, status);
    if (longPath && stop == INTRO) {
      stop = CHOICE_ACK;
    }
    int loops = stop == INTRO ? 0 : longPath ? 260 + rng.nextInt(60) : drawLoops(rng);
    int choice =
        rng.nextInt(100) < 15 ? flow.noResponseCategory() : rng.nextInt(flow.choices().size());
    int number = rng.nextInt(100) < 85 ? FlowNodes.VALID : FlowNodes.NOT_A_NUMBER;

    PathWalk w = new PathWalk(created);
    w.visit(INTRO);
    if (stop == INTRO) {
      return w;
    }
    w.pause(processing(rng));
    w.visit(CHOICE);
    for (int l = 0; l < loops; l++) {
      w.pause(longPath ? rng.nextLong(SECOND, 20 * SECOND) : answerDelay(rng));
      w.answer(CHOICE_RESULT, flow.otherCategory(), true);
      w.pause(processing(rng));
      w.visit(CHOICE_RETRY);
      w.pause(processing(rng));
      w.visit(CHOICE);
    }
    if (stop == CHOICE) {
      return w;
    }
    boolean timedOut = choice == flow.noResponseCategory();
    w.pause(timedOut ? NO_RESPONSE_TIMEOUT + rng.nextLong(5 * SECOND) : answerDelay(rng));
    w.answer(CHOICE_RESULT, choice, !timedOut);
    w.pause(processing(rng));
    w.visit(CHOICE_ACK);
    if (stop == CHOICE_ACK) {
      return w;
    }
    w.pause(processing(rng));
    w.visit(NUMBER);
    if (stop == NUMBER) {
      return w;
    }
    w.pause(answerDelay(rng));
    w.answer(NUMBER_RESULT, number, true);
    w.pause(processing(rng));
    w.visit(TEXT);
    if (stop == TEXT) {
      return w;
    }
    w.pause(answerDelay(rng));
    w.answer(TEXT_RESULT, 0, true);
    w.pause(processing(rng));
    w.visit(OUTRO);
    return w;
  }

  private static long exitTime(
      SplittableRandom rng, RunStatus status, long last, GeneratedFlow flow) {
    return switch (status) {
      case COMPLETED, FAILED -> last + rng.nextLong(1_000, 30_000);
      case EXPIRED -> last + flow.expiresMicros() + rng.nextLong(MINUTE);
      case INTERRUPTED -> last + rng.nextLong(MINUTE, 2 * DAY);
      default -> RunPlan.NO_TIME;
    };
  }

  /** Between two nodes without a wait: milliseconds. */
  private static long processing(SplittableRandom rng) {
    return rng.nextLong(5_000, 800_000);
  }

  /** How long a contact takes to answer: log-uniform between 5 seconds and 4 hours. */
  private static long answerDelay(SplittableRandom rng) {
    return (long) Math.exp(rng.nextDouble(Math.log(5 * SECOND), Math.log(4 * HOUR)));
  }
}
