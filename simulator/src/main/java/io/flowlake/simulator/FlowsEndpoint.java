package io.flowlake.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/v2/flows.json}: RapidPro's {@code FlowsEndpoint}, with run counts per status
 * computed from the current runs, newest created first ({@code CreatedOnCursorPagination}).
 */
final class FlowsEndpoint {
  private final Workspace workspace;

  FlowsEndpoint(Workspace workspace) {
    this.workspace = workspace;
  }

  /** A flow with its run counts, indexed by {@link RunStatus#ordinal()}. */
  record FlowRow(int index, FlowDefinition flow, long[] counts) {}

  ApiResponse list(ApiRequest request) {
    QueryParams params = request.params();
    UUID uuid = params.uuid("uuid");
    String type = params.get("type");
    String archived = params.get("archived");
    Long before = RunsEndpoint.dateParam(params, "before");
    Long after = RunsEndpoint.dateParam(params, "after");
    boolean unparseable =
        (before != null && before == RunsEndpoint.UNPARSEABLE)
            || (after != null && after == RunsEndpoint.UNPARSEABLE);
    CursorPagination.Page<FlowRow> page =
        workspace.read(
            store -> {
              long[][] counts = store.countsByFlow();
              List<FlowRow> rows = new ArrayList<>();
              for (GeneratedFlow generated : store.flows()) {
                FlowDefinition flow = generated.definition();
                long modified = ApiTimes.micros(flow.modifiedOn());
                boolean keep =
                    !unparseable
                        && (uuid == null || uuid.toString().equals(flow.uuid()))
                        && (type == null || type.isEmpty() || type.equals(flow.type()))
                        && (archived == null
                            || archived.isEmpty()
                            || QueryParams.strToBool(archived) == flow.archived())
                        && (before == null || modified <= before)
                        && (after == null || modified >= after);
                if (keep) {
                  rows.add(new FlowRow(generated.index(), flow, counts[generated.index()]));
                }
              }
              return CursorPagination.paginate(
                  new InMemoryRows<>(
                      rows, r -> ApiTimes.micros(r.flow().createdOn()), FlowRow::index),
                  true,
                  params.get("cursor"),
                  request.absoluteUrl());
            });
    return ApiResponse.json(200, PageJson.flows(page));
  }
}
