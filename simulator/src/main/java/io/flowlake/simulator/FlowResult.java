package io.flowlake.simulator;

import java.util.List;

/**
 * A result a flow can write, as {@code /api/v2/flows.json} lists it: its snake_case key, display
 * name, categories in the flow's order, and the nodes that write it.
 */
public record FlowResult(String key, String name, List<String> categories, List<String> nodeUuids) {
  public FlowResult {
    categories = List.copyOf(categories);
    nodeUuids = List.copyOf(nodeUuids);
  }
}
