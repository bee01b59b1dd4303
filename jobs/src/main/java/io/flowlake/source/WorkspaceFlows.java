package io.flowlake.source;

import io.flowlake.api.FlowSummary;
import io.flowlake.api.RequestBudget;
import io.flowlake.api.RunsClient;
import io.flowlake.api.SharedBudgets;
import io.flowlake.api.ThrottleScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The workspace's flows (with their run counts), asked under the JVM's shared budget of the scope
 * the server counts them in ({@code v2}, not the runs' {@code v2.runs}).
 */
public final class WorkspaceFlows {

  /** {@code /api/v2/flows.json} of the server the {@code rapidpro} source options point at. */
  public static List<FlowSummary> list(Map<String, String> sourceOptions) {
    SourceOptions options = SourceOptions.parse(sourceOptions, Instant.now());
    RequestBudget flows =
        SharedBudgets.of(options.api(), ThrottleScope.DEFAULT, options.api().requestsPerHour());
    try (RunsClient client = new RunsClient(options.api(), flows)) {
      return client.flows();
    }
  }

  private WorkspaceFlows() {}
}
