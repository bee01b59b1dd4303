package io.flowlake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  @Test
  void startsAGeneratedWorkspaceOnAFreeLoopbackPort() throws IOException {
    try (Simulator sim =
        Simulator.builder().runs(400).flows(3).seed(8).token("tok-1").anonymous(true).start()) {
      SimulatorHttp http = new SimulatorHttp(sim.url(), sim.token());

      assertThat(sim.url().getHost()).isEqualTo("127.0.0.1");
      assertThat(sim.url().getPort()).isPositive();
      assertThat(
              SimulatorHttp.json(http.get("/api/v2/runs.json"))
                  .get("results")
                  .get(0)
                  .get("contact")
                  .has("ref"))
          .isTrue();
      assertThat(sim.workspace().size()).isEqualTo(400);
    }
  }

  @Test
  void changeRunsEveryKeepsTheWorkspaceMoving() throws Exception {
    try (Simulator sim = Simulator.builder().runs(500).flows(2).start()) {
      List<RunRecord> before = sim.workspace().snapshot();
      Instant newest =
          before.stream().map(RunRecord::modifiedOn).max(Instant::compareTo).orElseThrow();

      sim.changeRunsEvery(Duration.ofMillis(20), 5);

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (sim.workspace().snapshot().stream().noneMatch(r -> r.modifiedOn().isAfter(newest))
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(sim.workspace().snapshot()).anyMatch(r -> r.modifiedOn().isAfter(newest));
    }
  }
}
