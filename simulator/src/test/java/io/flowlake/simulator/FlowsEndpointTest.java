package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowsEndpointTest {

  /** Counts per flow and status key, from the workspace's truth. */
  private static Map<String, Map<String, Integer>> truthCounts(Workspace workspace) {
    Map<String, RunStatus> statuses = workspace.statuses();
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (RunRecord run : workspace.snapshot()) {
      counts
          .computeIfAbsent(run.flowUuid(), f -> new HashMap<>())
          .merge(statuses.get(run.uuid()).countKey(), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<String, Map<String, Integer>> served(SimulatorHttp http) {
    JsonNode page = json(http.get("/api/v2/flows.json"));
    assertThat(page.get("next").isNull()).isTrue();
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (JsonNode flow : page.get("results")) {
      Map<String, Integer> byStatus = new HashMap<>();
      flow.get("runs")
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().asInt() > 0) {
                  byStatus.put(e.getKey(), e.getValue().asInt());
                }
              });
      counts.put(flow.get("uuid").asText(), byStatus);
    }
    return counts;
  }

  @Test
  void runCountsEqualTheTruthBeforeAndAfterChanges() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(21, 4000, 5, false, Instant.now());
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      assertThat(served(http)).isEqualTo(truthCounts(workspace));
      workspace.modifyRuns(200);
      workspace.addRuns(30);
      workspace.touchRuns(100);
      assertThat(served(http)).isEqualTo(truthCounts(workspace));
    }
  }

  @Test
  void flowsListTheirResultsAndAllSixCountsNewestFirst() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(21, 100, 4, false, Instant.now());
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      JsonNode flows = json(http.get("/api/v2/flows.json")).get("results");

      List<String> created = new ArrayList<>();
      for (JsonNode flow : flows) {
        List<String> keys = new ArrayList<>();
        flow.fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
            .containsExactly(
                "uuid",
                "name",
                "type",
                "archived",
                "labels",
                "expires",
                "runs",
                "results",
                "parent_refs",
                "created_on",
                "modified_on");
        List<String> runKeys = new ArrayList<>();
        flow.get("runs").fieldNames().forEachRemaining(runKeys::add);
        assertThat(runKeys)
            .containsExactly("active", "waiting", "completed", "interrupted", "expired", "failed");
        FlowDefinition definition =
            workspace.flows().stream()
                .filter(f -> f.uuid().equals(flow.get("uuid").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(flow.get("results").get(0).get("categories").toString())
            .isEqualTo(
                SimulatorHttp.MAPPER.writeValueAsString(definition.results().get(0).categories()));
        created.add(flow.get("created_on").asText());
      }
      assertThat(created)
          .hasSize(4)
          .isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }
  }
}
