package io.flowlake.simulator;

import io.flowlake.api.RunRecord;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v2/runs.json}: RapidPro's {@code RunsEndpoint} (docs/rapidpro-api.md §2). Reads
 * the workspace at request time, so runs changed during a pull move as they would on the real
 * server, as its read replica shows them (a write shows up only once it has reached it, {@link
 * ReplicaLag}).
 */
final class RunsEndpoint {
  /** {@link #dateParam} for a value the server cannot parse. */
  static final long UNPARSEABLE = Long.MIN_VALUE;

  private final Workspace workspace;
  private volatile long servedFrom = Long.MIN_VALUE;

  RunsEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  /**
   * Older runs were archived and purged (docs/rapidpro-api.md §7): the endpoint no longer has them.
   */
  void serveFrom(long micros) {
    servedFrom = micros;
  }

  ApiResponse list(ApiRequest request) {
    QueryParams params = request.params();
    // ListAPIMixin.check_query runs before any filter.
    if (params.isSet("contact") && params.isSet("flow")) {
      throw ApiError.badRequest("You may only specify one of the contact, flow parameters");
    }
    UUID run = params.uuid("uuid");
    BigInteger id = params.integer("id");
    UUID flow = params.uuid("flow");
    boolean reverse = QueryParams.strToBool(params.get("reverse"));
    String paths = params.get("paths");
    boolean includePaths = QueryParams.strToBool(paths == null ? "true" : paths);
    CursorPagination.Page<RunRecord> page =
        workspace.read(
            store ->
                CursorPagination.paginate(
                    new Rows(
                        store, retained(filter(store, params, run, id, flow)), workspace.now()),
                    !reverse,
                    params.get("cursor"),
                    request.absoluteUrl()));
    return ApiResponse.json(200, PageJson.runs(page, workspace.anonymous(), includePaths));
  }

  private RunFilter retained(RunFilter filter) {
    return filter.after() >= servedFrom ? filter : filter.modifiedFrom(servedFrom);
  }

  /** {@code RunsEndpoint.filter_queryset} and {@code filter_before_after}. */
  private static RunFilter filter(
      RunStore store, QueryParams params, UUID run, BigInteger id, UUID flow) {
    RunFilter filter = RunFilter.all();
    if (run != null) {
      int i = store.indexOf(run.getMostSignificantBits(), run.getLeastSignificantBits());
      filter = i < 0 ? filter.matchingNothing() : filter.withRun(i);
    }
    if (id != null && id.signum() != 0) {
      boolean exists =
          id.signum() > 0 && id.compareTo(BigInteger.valueOf(store.table().size())) <= 0;
      filter = exists ? filter.withRun(id.intValue() - 1) : filter.matchingNothing();
    }
    if (flow != null) {
      int f = flowIndex(store, flow.toString());
      filter = f < 0 ? filter.matchingNothing() : filter.withFlow(f);
    }
    String contact = params.get("contact");
    if (contact != null && !contact.isEmpty()) {
      UUID uuid = PythonValues.uuid(contact);
      int c =
          uuid == null
              ? -1
              : store
                  .contacts()
                  .indexOf(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
      filter = c < 0 ? filter.matchingNothing() : filter.withContact(c);
    }
    if (QueryParams.strToBool(params.get("responded"))) {
      filter = filter.onlyResponded();
    }
    Long before = dateParam(params, "before");
    Long after = dateParam(params, "after");
    if (before != null) {
      filter = before == UNPARSEABLE ? filter.matchingNothing() : filter.modifiedUntil(before);
    }
    if (after != null) {
      filter = after == UNPARSEABLE ? filter.matchingNothing() : filter.modifiedFrom(after);
    }
    return filter;
  }

  /**
   * A {@code before}/{@code after} value: null when absent or empty, {@link #UNPARSEABLE} when
   * unparseable, which the server answers with an empty 200 rather than a 400 (docs/rapidpro-api.md
   * §2.6).
   */
  static Long dateParam(QueryParams params, String name) {
    String value = params.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    Long micros = DateParameters.parseFilterDate(value);
    return micros == null ? UNPARSEABLE : micros;
  }

  private static int flowIndex(RunStore store, String uuid) {
    for (GeneratedFlow flow : store.flows()) {
      if (flow.definition().uuid().equals(uuid)) {
        return flow.index();
      }
    }
    return -1;
  }

  /** The filtered runs, as the replica shows them at {@code now}, as the paginator's query. */
  private record Rows(RunStore store, RunFilter filter, long now)
      implements CursorPagination.OrderedRows<RunRecord> {
    @Override
    public List<RunRecord> fetch(boolean descending, Long position, int offset, int limit) {
      return store.select(filter, descending, position, offset, limit, now);
    }

    @Override
    public long position(RunRecord row) {
      return ApiTimes.micros(row.modifiedOn());
    }
  }
}
