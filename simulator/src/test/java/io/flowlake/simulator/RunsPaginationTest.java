package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.encode;
import static io.flowlake.simulator.SimulatorHttp.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunsPaginationTest {

  @Test
  void runsSharingOneModifiedOnPageAsRapidProsOwnPaginationTest() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(3, 2000, 3, false, Instant.now());
    Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    List<String> touched = workspace.touchRuns(1255, at);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      String exact = encode(at.toString());

      List<JsonNode> pages = http.pages("/api/v2/runs.json?after=" + exact + "&before=" + exact);

      assertThat(pages)
          .extracting(p -> p.get("results").size())
          .containsExactly(250, 250, 250, 250, 250, 5);
      List<JsonNode> runs = results(pages);
      assertThat(runs).extracting(r -> r.get("modified_on").asText()).containsOnly(at.toString());
      assertThat(runs)
          .extracting(r -> r.get("id").asLong())
          .isSortedAccordingTo(Comparator.reverseOrder());
      assertThat(runs)
          .extracting(r -> r.get("uuid").asText())
          .containsExactlyInAnyOrderElementsOf(touched);
    }
  }

  @Test
  void changedRunsLeaveAFixedBeforeAndAnAfterPullReturnsExactlyThem() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(4, 3000, 4, false, Instant.now());
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      Instant t0 =
          workspace.snapshot().stream()
              .map(RunRecord::modifiedOn)
              .max(Instant::compareTo)
              .orElseThrow();
      String window = "/api/v2/runs.json?reverse=true&before=" + encode(t0.toString());
      Set<String> changed = new HashSet<>(workspace.modifyRuns(30));
      changed.addAll(workspace.addRuns(12));

      List<JsonNode> upToT0 = results(http.pages(window));
      List<JsonNode> sinceT0 =
          results(
              http.pages(
                  "/api/v2/runs.json?reverse=true&after=" + encode(t0.plusNanos(1000).toString())));

      Map<String, RunRecord> truth =
          workspace.snapshot().stream()
              .collect(Collectors.toMap(RunRecord::uuid, Function.identity()));
      assertThat(upToT0)
          .hasSize(3000 - 30)
          .noneMatch(r -> changed.contains(r.get("uuid").asText()));
      assertThat(sinceT0)
          .extracting(r -> r.get("uuid").asText())
          .containsExactlyInAnyOrderElementsOf(changed);
      RunJson json = new RunJson(false);
      for (JsonNode run : sinceT0) {
        RunRecord now = truth.get(run.get("uuid").asText());
        assertThat(run).isEqualTo(SimulatorHttp.MAPPER.readTree(json.toJson(now, true)));
      }
    }
  }
}
