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
  private final ContactBook contacts;
  private final RunPlanner planner;
  private final RunTable table;
  private final ModifiedOrder order;
  private final ReplicaLag replica;

  RunStore(
      long seed,
      List<GeneratedFlow> flows,
      ContactBook contacts,
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

  ContactBook contacts() {
    return contacts;
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
   * (API.md §3), {@code offset} of them skipped, as the replica shows them at {@code now}.
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
    int skip = offset;
    int step = descending ? -1 : 1;
    int pos = descending ? firstDescending(filter, position) : firstAscending(filter, position);
    for (; pos >= 0 && pos < order.length() && rows.size() < limit; pos += step) {
      long time = order.time(pos);
      if (time < filter.after() || time > filter.before()) {
        break;
      }
      int run = order.run(pos);
      ReplicaLag.Write unseen = replica.unseenAt(run, now);
      boolean shown =
          unseen == null
              ? order.isLive(pos, table) && filter.accepts(run, table, table.responded(run))
              : showsBefore(unseen, time, filter);
      if (!shown) {
        continue;
      }
      if (skip > 0) {
        skip--;
      } else {
        rows.add(unseen == null ? record(run) : unseen.before());
      }
    }
    return rows;
  }

  private int firstDescending(RunFilter filter, Long position) {
    int from = order.firstAfter(filter.before()) - 1;
    return position == null ? from : Math.min(from, order.firstAtOrAfter(position) - 1);
  }

  private int firstAscending(RunFilter filter, Long position) {
    int from = order.firstAtOrAfter(filter.after());
    return position == null ? from : Math.max(from, order.firstAfter(position));
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
    if (i >= table.size() || offset > 0 || limit == 0) {
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

  /** Run counts per flow and status, from the current runs. */
  long[][] countsByFlow() {
    long[][] counts = new long[flows.size()][RunStatus.values().length];
    for (int i = 0; i < table.size(); i++) {
      counts[table.flow(i)][table.status(i).ordinal()]++;
    }
    return counts;
  }
}
