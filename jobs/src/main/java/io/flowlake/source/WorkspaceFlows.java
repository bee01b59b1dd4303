package io.flowlake.source;

import io.flowlake.api.FlowSummary;
import io.flowlake.api.RunsClient;
import io.flowlake.api.SharedBudgets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The workspace's flows (with their run counts), asked under the same shared budget as reads. */
public final class WorkspaceFlows {

  /** {@code /api/v2/flows.json} of the server the {@code rapidpro} source options point at. */
  public static List<FlowSummary> list(Map<String, String> sourceOptions) {
    SourceOptions options = SourceOptions.parse(sourceOptions, Instant.now());
    try (RunsClient client =
        new RunsClient(
            options.api(), SharedBudgets.of(options.api(), options.api().requestsPerHour()))) {
      return client.flows();
    }
  }

  private WorkspaceFlows() {}
}
