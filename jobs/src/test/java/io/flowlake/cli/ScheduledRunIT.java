package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.api.RunRecord;
import io.flowlake.ops.RunLock;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlake run} as a scheduler sees it: one run per lake at a time, a killed run's lock
 * taken over by the next, a JSON report per run and an exit code per outcome.
 */
@ExtendWith(SharedSpark.class)
class ScheduledRunIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();
  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  private Process startRun(Simulator sim, Path lake) {
    Path log = dir.resolve("run-" + System.nanoTime() + ".log");
    return cli.against(sim).start(log, "run", "--lake", lake.toString());
  }

  private CliResult run(Simulator sim, Path lake, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--lake", lake.toString()));
    args.addAll(List.of(extra));
    return cli.against(sim).run(args.toArray(String[]::new));
  }

  private static void awaitLock(Process run, Path lake) throws Exception {
    Path lock = lake.resolve("_state").resolve(RunLock.FILE);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.exists(lock)) {
      assertThat(run.isAlive()).as("the first run ended before it took the lock").isTrue();
      assertThat(System.nanoTime()).as("waiting for the first run's lock").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Answers slowly, so a run in another JVM holds the lock for a while. */
  private static Simulator.Builder slowWorkspace(long seed) {
    return Simulator.builder().runs(300).flows(3).seed(seed).requestsPerHour(0).latencyMs(1000);
  }

  private long lakeRuns(Path lake) {
    return spark.read().format("delta").load(lake.resolve("runs").toString()).count();
  }

  @Test
  void aSecondRunWhileTheFirstHoldsTheLakeExitsWithItsOwnCodeAndTheFirstFinishes()
      throws Exception {
    Simulator sim = simulators.start(slowWorkspace(11));
    Path lake = dir.resolve("lake");
    Process first = startRun(sim, lake);
    try {
      awaitLock(first, lake);

      CliResult second = run(sim, lake);

      assertThat(second.exitCode()).isEqualTo(ExitCodes.LOCKED);
      assertThat(second.err()).contains("locked by run").contains("pid " + first.pid());
      assertThat(second.lineCount()).isEqualTo(1);
      assertThat(first.waitFor(15, TimeUnit.MINUTES)).as("the first run finished").isTrue();
      assertThat(first.exitValue()).isEqualTo(ExitCodes.OK);
    } finally {
      first.destroyForcibly();
    }
    assertThat(lake.resolve("_state").resolve(RunLock.FILE)).doesNotExist();
    assertThat(lakeRuns(lake)).isEqualTo(sim.workspace().size());
    assertThat(RunReports.in(lake))
        .extracting(r -> r.get("outcome").asText())
        .containsExactlyInAnyOrder("locked", "success");
  }

  @Test
  void aKilledRunLeavesALockThatTheNextRunFindsStaleAndTakesOver() throws Exception {
    Simulator sim = simulators.start(slowWorkspace(12));
    Path lake = dir.resolve("lake");
    Process killed = startRun(sim, lake);
    awaitLock(killed, lake);
    killed.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook releases anything
    assertThat(lake.resolve("_state").resolve(RunLock.FILE)).exists();

    CliResult next = run(sim, lake);

    assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCodes.OK);
    assertThat(lakeRuns(lake)).isEqualTo(sim.workspace().size());
    JsonNode report = RunReports.in(lake).get(0);
    assertThat(report.get("outcome").asText()).isEqualTo("success");
    assertThat(report.at("/stale_lock_replaced/pid").asLong()).isEqualTo(killed.pid());
    assertThat(lake.resolve("_state").resolve(RunLock.FILE)).doesNotExist();
  }

  @Test
  void theReportTellsWhatTheRunDidAndARunWithNothingNewSaysSo() throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(700).flows(3).seed(13));
    Path lake = dir.resolve("lake");
    assertThat(run(sim, lake).exitCode()).isZero();

    CliResult second = run(sim, lake, "--report-json");

    assertThat(second.exitCode()).isEqualTo(ExitCodes.NOTHING_NEW);
    List<String> lines = second.out().lines().toList();
    assertThat(lines).hasSize(1); // progress went to stderr: stdout is the report alone
    JsonNode printed = JSON.readTree(lines.get(0));
    List<JsonNode> stored = RunReports.in(lake);
    assertThat(stored).hasSize(2);
    assertThat(stored.get(1)).isEqualTo(printed);

    JsonNode first = stored.get(0);
    Instant newest =
        sim.workspace().snapshot().stream()
            .map(RunRecord::modifiedOn)
            .max(Instant::compareTo)
            .orElseThrow();
    assertThat(first.get("outcome").asText()).isEqualTo("success");
    assertThat(first.get("exit_code").asInt()).isZero();
    assertThat(first.at("/pull/runs_merged").asLong()).isEqualTo(700);
    assertThat(first.at("/pull/watermark_before").isNull()).isTrue();
    assertThat(Instant.parse(first.at("/pull/watermark_after").asText())).isEqualTo(newest);
    assertThat(first.at("/pull/rejects").asLong()).isZero();
    assertThat(first.at("/pull/requests").asLong()).isPositive();
    // The first run is a full pull: its counts were checked against flows.json and agree.
    assertThat(first.get("reconciliation").isArray()).isTrue();
    assertThat(first.get("reconciliation")).isEmpty();
    long flowSummaryRows =
        spark.read().format("delta").load(lake.resolve("marts/flow_summary").toString()).count();
    assertThat(first.at("/marts/flow_summary").asLong()).isEqualTo(flowSummaryRows).isEqualTo(3);
    assertThat(first.get("audits")).isNotEmpty();
    assertThat(first.get("audits").findValuesAsText("passed")).containsOnly("true");

    assertThat(printed.get("outcome").asText()).isEqualTo("nothing_new");
    assertThat(first.get("marts_scope").asText()).isEqualTo("all");
    // nothing new, nothing changed: the marts are left as they are, none written
    assertThat(printed.get("marts_scope").asText()).isEqualTo("none");
    assertThat(printed.get("marts")).isEmpty();
    assertThat(printed.get("reconciliation").isNull()).isTrue(); // incremental: not checked
    assertThat(printed.at("/pull/watermark_before").asText())
        .isEqualTo(printed.at("/pull/watermark_after").asText())
        .isEqualTo(newest.toString());
    assertThat(Instant.parse(printed.get("finished_at").asText()))
        .isAfterOrEqualTo(Instant.parse(printed.get("started_at").asText()));
  }
}
