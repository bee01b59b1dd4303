package io.flowlake.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds a {@link Workspace} from a seed: the same (seed, runs, flows, anonymous, now) always gives
 * the same flows, contacts and runs. Generation keeps only each run's row header; paths and values
 * are planned again when shown, so 50,000 runs take a fraction of a second and two million fit a
 * modest heap.
 */
public final class WorkspaceGenerator {
  private WorkspaceGenerator() {}

  /**
   * @param seed makes the workspace; UUIDs, names, answers and times all follow from it
   * @param runs how many runs; created over the 80 days before {@code now}
   * @param flows how many flows (at least 1)
   * @param anonymous whether URNs are masked, as in an anonymous workspace
   * @param now the generation time: every generated timestamp is before it
   */
  public static Workspace generate(long seed, int runs, int flows, boolean anonymous, Instant now) {
    return generate(seed, runs, flows, anonymous, now, Clock.systemUTC(), Duration.ZERO);
  }

  /**
   * As above, with the wall clock that later writes must not fall behind and the most a write takes
   * to reach the API's read replica ({@link ReplicaLag}; zero for none).
   */
  static Workspace generate(
      long seed,
      int runs,
      int flows,
      boolean anonymous,
      Instant now,
      Clock wall,
      Duration replicaLag) {
    if (runs < 0 || flows < 1) {
      throw new IllegalArgumentException(
          "a workspace needs runs >= 0 and flows >= 1, got runs=" + runs + ", flows=" + flows);
    }
    long nowMicros = ApiTimes.micros(now);
    List<GeneratedFlow> flowList =
        FlowCatalog.flows(seed, flows, RunPlanner.windowStart(nowMicros));
    ContactStore contacts = new ContactStore(seed, runs / 3 + 1, anonymous, nowMicros);
    RunPlanner planner = new RunPlanner(seed, runs, flowList, contacts, nowMicros);
    RunTable table = new RunTable(runs + runs / 8);
    long newest = Long.MIN_VALUE;
    for (int i = 0; i < runs; i++) {
      RunPlan p = planner.plan(i);
      table.add(
          p.flow(),
          p.contact(),
          p.start(),
          p.status(),
          p.responded(),
          p.createdOn(),
          p.modifiedOn(),
          p.exitedOn());
      newest = Math.max(newest, p.modifiedOn());
    }
    MicrosClock clock = new MicrosClock(wall, Math.max(newest, nowMicros));
    ReplicaLag replica =
        new ReplicaLag(
            replicaLag.toNanos() / 1000, SeededIds.random(seed, SeededIds.REPLICA, 0), clock);
    RunStore store = new RunStore(seed, flowList, contacts, planner, table, replica);
    RunMutator mutator =
        new RunMutator(store, clock, SeededIds.random(seed, SeededIds.MUTATIONS, 0));
    ContactMutator contactMutator =
        new ContactMutator(store, clock, SeededIds.random(seed, SeededIds.CONTACT_MUTATIONS, 0));
    return new Workspace(
        SeededIds.uuid(seed, SeededIds.WORKSPACE, 0),
        anonymous,
        store,
        clock,
        mutator,
        contactMutator);
  }
}
