package io.flowlake.simulator;

import io.flowlake.api.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of a workspace: row headers, the modified-on index, and how to show a run as the API
 * does, through the read replica the API reads ({@link ReplicaLag}). Not thread-safe: {@link
 * Workspace} guards it.
 */
final class RunStore {
  private final long seed;
  private final List<GeneratedFlow> flows;
  private final ContactStore contacts;
  private final RunPlanner planner;
  private final RunTable table;
  private final ModifiedOrder order;
  private final ReplicaLag replica;

  RunStore(
      long seed,
      List<GeneratedFlow> flows,
      ContactStore contacts,
      RunPlanner planner,
      RunTable table,
      ReplicaLag replica) {
    this.seed = seed;
    this.flows = flows;
    this.contacts = contacts;
    this.planner = planner;
    this.table = table;
    this.order = ModifiedOrder.of(table);
    this.replica = replica;
  }

  RunTable table() {
    return table;
  }

  List<GeneratedFlow> flows() {
    return flows;
  }

  ContactStore contacts() {
    return contacts;
  }

  /**
   * Whether run {@code i} was deleted with its contact (RapidPro hard-deletes runs,
   * docs/rapidpro-api.md §7).
   */
  boolean isGone(int i) {
    return contacts.isDeleted(table.contact(i));
  }

  String uuid(int i) {
    return SeededIds.uuid(seed, SeededIds.RUN, i);
  }

  /** The index of the run with this UUID, or -1. */
  int indexOf(long msb, long lsb) {
    for (int i = 0; i < table.size(); i++) {
      if (SeededIds.uuidLsb(seed, SeededIds.RUN, i) == lsb
          && SeededIds.uuidMsb(seed, SeededIds.RUN, i) == msb) {
        return i;
      }
    }
    return -1;
  }

  String startUuid(int start) {
    return start < 0 ? null : SeededIds.uuid(seed, SeededIds.START, start);
  }

  /** The run's current path and values. */
  RunBody body(int i) {
    RunBody body = table.body(i);
    return body != null
        ? body
        : RunBodies.fromPlan(seed, i, planner.plan(i), flows.get(table.flow(i)));
  }

  RunRecord record(int i) {
    RunBody body = body(i);
    FlowDefinition flow = flows.get(table.flow(i)).definition();
    long exited = table.exited(i);
    return new RunRecord(
        uuid(i),
        i + 1L,
        flow.uuid(),
        flow.name(),
        contacts.contact(table.contact(i)),
        startUuid(table.start(i)),
        table.responded(i),
        body.path(),
        body.values(),
        ApiTimes.instant(table.created(i)),
        ApiTimes.instant(table.modified(i)),
        exited == RunPlan.NO_TIME ? null : ApiTimes.instant(exited),
        table.status(i).exitType());
  }

  /** When a write transaction that set {@code modified_on = modifiedOn} reaches the replica. */
  long arrival(long modifiedOn) {
    return replica.arrival(modifiedOn);
  }

  /**
   * Run {@code i} as the replica keeps showing it while a write to it is on its way; null when the
   * replica does not lag (nothing is kept).
   */
  RunRecord beforeWrite(int i) {
    return replica.lags() ? record(i) : null;
  }

  /**
   * Run {@code i} was written (inserted when {@code before} is null) by a transaction that reaches
   * the replica at {@code arrives}: moves it to the head of the modified-on order.
   */
  void touched(int i, RunRecord before, long arrives) {
    order.append(i, table.modified(i));
    replica.written(i, before, arrives);
  }

  void compact() {
    order.compactIfSparse(table, replica::mayShow);
  }

  /**
   * Runs in {@code (modified_on, id)} order, descending or ascending, whose {@code modified_on} is
   * strictly past {@code position} in that direction (when given): the rows of a cursor page
   * (docs/rapidpro-api.md §3), {@code offset} of them skipped, as the replica shows them at {@code
   * now}.
   */
  List<RunRecord> select(
      RunFilter filter, boolean descending, Long position, int offset, int limit, long now) {
    List<RunRecord> rows = new ArrayList<>(Math.min(limit, 256));
    if (filter.nothing()) {
      return rows;
    }
    if (filter.run() != RunFilter.ANY) {
      return selectOne(filter, descending, position, offset, limit, now);
    }
    int[] positions =
        order.select(
            table,
            descending,
            filter.after(),
            filter.before(),
            position,
            offset,
            limit,
            (run, time, live) -> !isGone(run) && shown(run, time, live, filter, now));
    for (int pos : positions) {
      int run = order.run(pos);
      ReplicaLag.Write unseen = replica.unseenAt(run, now);
      rows.add(unseen == null ? record(run) : unseen.before());
    }
    return rows;
  }

  /** Whether the replica shows the entry of {@code run} at {@code time} to this filter. */
  private boolean shown(int run, long time, boolean live, RunFilter filter, long now) {
    ReplicaLag.Write unseen = replica.unseenAt(run, now);
    return unseen == null
        ? live && filter.accepts(run, table, table.responded(run))
        : showsBefore(unseen, time, filter);
  }

  /** Whether the replica, still waiting for {@code unseen}, shows its run at {@code time}. */
  private boolean showsBefore(ReplicaLag.Write unseen, long time, RunFilter filter) {
    RunRecord before = unseen.before();
    return before != null
        && unseen.beforeMicros() == time
        && filter.accepts(unseen.run(), table, before.responded());
  }

  /** A uuid or id filter names one run: look at it instead of scanning the index. */
  private List<RunRecord> selectOne(
      RunFilter filter, boolean descending, Long position, int offset, int limit, long now) {
    int i = filter.run();
    if (i >= table.size() || offset > 0 || limit == 0 || isGone(i)) {
      return new ArrayList<>();
    }
    ReplicaLag.Write unseen = replica.unseenAt(i, now);
    RunRecord shown = unseen == null ? record(i) : unseen.before();
    if (shown == null || !filter.accepts(i, table, shown.responded())) {
      return new ArrayList<>();
    }
    long time = ApiTimes.micros(shown.modifiedOn());
    boolean pastPosition = position == null || (descending ? time < position : time > position);
    if (time < filter.after() || time > filter.before() || !pastPosition) {
      return new ArrayList<>();
    }
    return new ArrayList<>(List.of(shown));
  }

  /** Run counts per flow and status, from the current runs (deleted ones no longer count). */
  long[][] countsByFlow() {
    long[][] counts = new long[flows.size()][RunStatus.values().length];
    for (int i = 0; i < table.size(); i++) {
      if (!isGone(i)) {
        counts[table.flow(i)][table.status(i).ordinal()]++;
      }
    }
    return counts;
  }
}
