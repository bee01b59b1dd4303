package io.flowlake.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A flow of the simulated workspace: what {@code /api/v2/flows.json} says about it (except the run
 * counts, which come from the current runs) plus its node UUIDs in graph order.
 */
public record FlowDefinition(
    String uuid,
    String name,
    String type,
    boolean archived,
    int expiresMinutes,
    Instant createdOn,
    Instant modifiedOn,
    List<String> nodeUuids,
    List<FlowResult> results) {
  public FlowDefinition {
    nodeUuids = List.copyOf(nodeUuids);
    results = List.copyOf(results);
  }
}
