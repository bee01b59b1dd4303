package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.PacedBudget;
import io.flowlake.api.RunsClient;
import io.flowlake.api.Sleeper;
import io.flowlake.api.Ticker;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.config.ReadSettings;
import io.flowlake.simulator.LoggedRequest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SimulatorExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The planner spends requests on pages: how many windows follows from the budget and the latency it
 * measures on its own requests, and a read that needs one window asks for nothing more.
 */
class PlanningFromBudgetTest {

  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();

  private WindowPlanner.Plan plan(int requestsPerHour, Instant after) {
    return plan(requestsPerHour, after, 8);
  }

  private WindowPlanner.Plan plan(int requestsPerHour, Instant after, int parallelism) {
    Simulator sim = simulators.get();
    Map<String, String> raw = new HashMap<>();
    raw.put(ConnectionSettings.API.key(), sim.url().toString());
    raw.put(ConnectionSettings.TOKEN.key(), sim.token());
    raw.put(ConnectionSettings.REQUESTS_PER_HOUR.key(), Integer.toString(requestsPerHour));
    if (after != null) {
      raw.put(ReadSettings.AFTER.key(), after.toString());
    }
    SourceOptions options = SourceOptions.parse(raw, Instant.now());
    try (RunsClient client =
        new RunsClient(
            options.api(), new PacedBudget(requestsPerHour, Ticker.system(), Sleeper.system()))) {
      return new WindowPlanner(client, requestsPerHour).plan(options, parallelism, 0);
    }
  }

  private List<String> endpoints() {
    return simulators.get().requests().all().stream()
        .map(LoggedRequest::pathAndQuery)
        .map(q -> q.indexOf('?') < 0 ? q : q.substring(0, q.indexOf('?')))
        .toList();
  }

  @Test
  void aFastServerAtTheDefaultBudgetIsOneWindowPlannedFromFlowsJsonAlone() {
    simulators.start(Simulator.builder().runs(3_000).flows(3).seed(4));

    WindowPlanner.Plan plan = plan(3_600, null);

    assertThat(plan.windows()).hasSize(1);
    assertThat(plan.windows().get(0).after()).isNull();
    assertThat(endpoints()).as("no probe page").containsExactly("/api/v2/flows.json");
    assertThat(plan.flows()).isNotEmpty();
  }

  @Test
  void aSlowServerGetsTwoWindowsForEachCursorItNeedsUpToTheParallelism() {
    // 400 ms an answer at 10 requests/s needs 5 cursors; a parallelism of 2 allows two (a busy
    // machine only makes answers slower, so the cap holds), and 40 pages fill four windows.
    simulators.start(Simulator.builder().runs(10_000).flows(3).seed(4).latencyMs(400));

    WindowPlanner.Plan plan = plan(36_000, null, 2);

    assertThat(plan.windows()).hasSize(4);
    assertThat(endpoints()).containsExactly("/api/v2/flows.json", "/api/v2/runs.json");
  }

  @Test
  void anIncrementalReadOfAFewPagesIsOneWindowForOneRequest() {
    Instant generated = Instant.now().minusSeconds(3_600).truncatedTo(ChronoUnit.SECONDS);
    Simulator sim =
        simulators.start(
            Simulator.builder().runs(5_000).flows(3).seed(4).now(generated).latencyMs(100));
    assertThat(sim.workspace().modifyRuns(400)).as("precondition").hasSize(400);

    WindowPlanner.Plan plan = plan(360_000, generated);

    assertThat(plan.windows()).hasSize(1);
    assertThat(plan.windows().get(0).after()).isEqualTo(generated);
    assertThat(endpoints()).as("no flows.json").containsExactly("/api/v2/runs.json");
  }
}
