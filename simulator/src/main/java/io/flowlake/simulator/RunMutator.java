package io.flowlake.simulator;

import io.flowlake.api.PathStep;
import io.flowlake.api.RunRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes to the runs the way mailroom does: every write sets {@code modified_on} from the workspace
 * clock, which moves the run to the head of the modified-on order (docs/rapidpro-api.md §9 pitfall
 * 1), and each transaction reaches the API's replica when {@link RunStore#arrival} says. The choice
 * of runs is drawn from a seeded stream, so the same calls on the same workspace pick the same
 * runs.
 */
final class RunMutator {
  /** Flow starts created by {@link #add}; generated starts stay far below. */
  private static final int ADDED_STARTS = 1_000_000_000;

  private final RunStore store;
  private final MicrosClock clock;
  private final SplittableRandom rng;
  private int startsAdded;

  RunMutator(RunStore store, MicrosClock clock, SplittableRandom rng) {
    this.store = store;
    this.clock = clock;
    this.rng = rng;
  }

  /** Advances up to {@code n} ongoing runs by one engine step each, each in its own write. */
  List<String> modify(int n) {
    RunTable table = store.table();
    int[] chosen = sample(indices(true), n);
    List<String> uuids = new ArrayList<>(chosen.length);
    for (int i : chosen) {
      long now = clock.tick();
      GeneratedFlow flow = store.flows().get(table.flow(i));
      RunAdvance next = RunAdvance.of(flow, store.body(i), table.responded(i), now, rng);
      RunRecord before = store.beforeWrite(i);
      table.update(i, next.status, next.responded, now, next.exitedOn);
      table.setBody(i, next.body);
      store.touched(i, before, store.arrival(now));
      uuids.add(store.uuid(i));
    }
    store.compact();
    return uuids;
  }

  /**
   * A flow start: {@code n} new runs of one flow, inserted in one transaction, so they share one
   * {@code created_on} and {@code modified_on}. Most wait at the first question; some are still
   * active.
   */
  List<String> add(int n) {
    RunTable table = store.table();
    long now = clock.tick();
    long arrives = store.arrival(now);
    int flowIndex = rng.nextInt(store.flows().size());
    GeneratedFlow flow = store.flows().get(flowIndex);
    int start = ADDED_STARTS + startsAdded++;
    List<String> uuids = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      boolean active = rng.nextInt(10) == 0;
      List<PathStep> path = new ArrayList<>(2);
      path.add(new PathStep(flow.nodeUuid(FlowNodes.INTRO), ApiTimes.instant(now)));
      if (!active) {
        path.add(new PathStep(flow.nodeUuid(FlowNodes.CHOICE), ApiTimes.instant(now)));
      }
      int contact = liveContact();
      RunStatus status = active ? RunStatus.ACTIVE : RunStatus.WAITING;
      int i = table.add(flowIndex, contact, start, status, false, now, now, RunPlan.NO_TIME);
      table.setBody(i, new RunBody(path, Map.of()));
      store.touched(i, null, arrives);
      uuids.add(store.uuid(i));
    }
    return uuids;
  }

  /**
   * One bulk statement over {@code n} runs at time {@code at}: ongoing runs are interrupted (as
   * mailroom's {@code sqlInterruptSessionRuns} does), then, when too few are ongoing, exited runs
   * are updated too. All of them end up with the same {@code modified_on}.
   */
  List<String> touch(int n, long at) {
    RunTable table = store.table();
    int[] ongoing = sample(indices(true), n);
    int[] exited = sample(indices(false), n - ongoing.length);
    int[] chosen = Arrays.copyOf(ongoing, ongoing.length + exited.length);
    System.arraycopy(exited, 0, chosen, ongoing.length, exited.length);
    Arrays.sort(chosen); // ties in modified_on are ordered by id
    long arrives = store.arrival(at);
    List<String> uuids = new ArrayList<>(chosen.length);
    for (int i : chosen) {
      RunRecord before = store.beforeWrite(i);
      if (table.status(i).isOngoing()) {
        table.update(i, RunStatus.INTERRUPTED, table.responded(i), at, at);
      } else {
        table.update(i, table.status(i), table.responded(i), at, table.exited(i));
      }
      store.touched(i, before, arrives);
      uuids.add(store.uuid(i));
    }
    store.compact();
    return uuids;
  }

  /** A contact that was not deleted; deleted contacts start no flows. */
  private int liveContact() {
    ContactStore contacts = store.contacts();
    for (int tries = 0; tries < 1000; tries++) {
      int c = rng.nextInt(contacts.size());
      if (!contacts.isDeleted(c)) {
        return c;
      }
    }
    throw new IllegalStateException("almost every contact of the workspace was deleted");
  }

  private int[] indices(boolean ongoing) {
    RunTable table = store.table();
    int[] found = new int[table.size()];
    int count = 0;
    for (int i = 0; i < table.size(); i++) {
      if (table.status(i).isOngoing() == ongoing && !store.isGone(i)) {
        found[count++] = i;
      }
    }
    return Arrays.copyOf(found, count);
  }

  /** Up to {@code k} distinct members of {@code pool}, by a partial Fisher-Yates shuffle. */
  private int[] sample(int[] pool, int k) {
    int take = Math.max(0, Math.min(k, pool.length));
    for (int j = 0; j < take; j++) {
      int r = j + rng.nextInt(pool.length - j);
      int t = pool[j];
      pool[j] = pool[r];
      pool[r] = t;
    }
    return Arrays.copyOf(pool, take);
  }
}
