package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.encode;
import static io.flowlake.simulator.SimulatorHttp.json;
import static io.flowlake.simulator.SimulatorHttp.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runs endpoint reads a replica that receives each write some time after its modified_on. */
class ReplicaLagTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration LAG = Duration.ofSeconds(30);

  private final ManualClock clock = new ManualClock(NOW);

  private Simulator start(int runs, Duration lag) throws IOException {
    return Simulator.builder().runs(runs).flows(3).seed(5).clock(clock).replicaLag(lag).start();
  }

  private static JsonNode asServed(RunRecord run) throws IOException {
    return SimulatorHttp.MAPPER.readTree(new RunJson(false).toJson(run, true));
  }

  /** Every run the endpoint shows, by UUID, from one full reverse listing. */
  private static Map<String, JsonNode> shown(SimulatorHttp http) {
    Map<String, JsonNode> runs = new LinkedHashMap<>();
    for (JsonNode run : results(http.pages("/api/v2/runs.json?reverse=true"))) {
      assertThat(runs.put(run.get("uuid").asText(), run)).as("listed twice").isNull();
    }
    return runs;
  }

  private static Map<String, RunRecord> byUuid(List<RunRecord> runs) {
    Map<String, RunRecord> map = new LinkedHashMap<>();
    runs.forEach(r -> map.put(r.uuid(), r));
    return map;
  }

  private static JsonNode one(SimulatorHttp http, String uuid) {
    JsonNode results = json(http.get("/api/v2/runs.json?uuid=" + uuid)).get("results");
    return results.isEmpty() ? null : results.get(0);
  }

  @Test
  void aNewRunIsAbsentFromRunsUntilTheLagHasPassed() throws IOException {
    try (Simulator sim = start(300, LAG)) {
      SimulatorHttp http = new SimulatorHttp(sim.url(), sim.token());
      String added = sim.workspace().addRuns(1).get(0);
      RunRecord truth = byUuid(sim.workspace().snapshot()).get(added);

      assertThat(one(http, added)).isNull();
      assertThat(shown(http)).hasSize(300).doesNotContainKey(added);

      clock.advance(LAG);

      assertThat(one(http, added)).isEqualTo(asServed(truth));
      assertThat(shown(http)).hasSize(301).containsEntry(added, asServed(truth));
    }
  }

  @Test
  void aModifiedRunShowsItsEarlierVersionUntilTheLagHasPassed() throws IOException {
    try (Simulator sim = start(300, LAG)) {
      SimulatorHttp http = new SimulatorHttp(sim.url(), sim.token());
      Map<String, RunRecord> before = byUuid(sim.workspace().snapshot());
      String modified = sim.workspace().modifyRuns(1).get(0);
      RunRecord now = byUuid(sim.workspace().snapshot()).get(modified);
      RunRecord was = before.get(modified);
      String sinceWas = "/api/v2/runs.json?after=" + encode(was.modifiedOn().toString());

      assertThat(now.modifiedOn()).isAfter(was.modifiedOn());
      assertThat(one(http, modified)).isEqualTo(asServed(was));
      assertThat(results(http.pages(sinceWas)))
          .contains(asServed(was))
          .doesNotContain(asServed(now));

      clock.advance(LAG);

      assertThat(one(http, modified)).isEqualTo(asServed(now));
      assertThat(results(http.pages(sinceWas)))
          .contains(asServed(now))
          .doesNotContain(asServed(was));
    }
  }

  @Test
  void writesReachTheReplicaOutOfModifiedOnOrder() throws IOException {
    try (Simulator sim = start(300, LAG)) {
      SimulatorHttp http = new SimulatorHttp(sim.url(), sim.token());
      List<String> added = new ArrayList<>();
      for (int k = 0; k < 40; k++) {
        added.addAll(sim.workspace().addRuns(1));
        clock.advance(Duration.ofSeconds(1));
      }
      clock.advance(Duration.ofSeconds(5)); // writes 5-45 s old, the lag up to 30 s

      Map<String, JsonNode> shown = shown(http);
      List<Boolean> visible = added.stream().map(shown::containsKey).toList();
      int newestVisible = visible.lastIndexOf(true);

      // A reader that keeps the newest modified_on it saw as its watermark passes these runs.
      assertThat(newestVisible).isPositive();
      assertThat(visible.subList(0, newestVisible)).contains(false);

      clock.advance(LAG);

      Map<String, JsonNode> caughtUp = shown(http);
      for (RunRecord run : sim.workspace().snapshot()) {
        assertThat(caughtUp.get(run.uuid())).as("run %s", run.uuid()).isEqualTo(asServed(run));
      }
      assertThat(caughtUp).hasSize(sim.workspace().size());
    }
  }

  @Test
  void runsTheReplicaStillShowsSurviveTheIndexsCompaction() throws IOException {
    try (Simulator sim = start(200, Duration.ofHours(1))) {
      SimulatorHttp http = new SimulatorHttp(sim.url(), sim.token());
      List<RunRecord> before = sim.workspace().snapshot();

      for (int k = 0; k < 10; k++) {
        sim.workspace().touchRuns(200); // 2,000 index entries for 200 runs: compacts
      }

      Map<String, JsonNode> shown = shown(http);
      assertThat(shown).hasSize(before.size());
      for (RunRecord run : before) {
        assertThat(shown.get(run.uuid())).as("run %s", run.uuid()).isEqualTo(asServed(run));
      }
    }
  }

  @Test
  void withoutALagEveryWriteShowsAtOnce() throws IOException {
    try (Simulator sim = start(300, Duration.ZERO)) {
      SimulatorHttp http = new SimulatorHttp(sim.url(), sim.token());
      String added = sim.workspace().addRuns(1).get(0);
      String modified = sim.workspace().modifyRuns(1).get(0);

      Map<String, RunRecord> truth = byUuid(sim.workspace().snapshot());
      assertThat(one(http, added)).isEqualTo(asServed(truth.get(added)));
      assertThat(one(http, modified)).isEqualTo(asServed(truth.get(modified)));
    }
  }

  @Test
  void aNegativeLagIsRefused() {
    assertThatThrownBy(() -> Simulator.builder().replicaLag(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
  }
}
