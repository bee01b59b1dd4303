package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.RunRecord;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run} in its own JVM, stopped with SIGINT or SIGTERM while it fetches, while it writes the
 * lake and while it builds the marts: each time it stops within seconds, releases the lock, stores
 * a report saying {@code interrupted} with the code the process really exits with (130 or 143), and
 * prints one line; and the next run completes the lake. A run stopped while it probes for anything
 * new (before Spark) unwinds the same way.
 */
@ExtendWith(SharedSpark.class)
class StopSignalsIT {

  private static final long PROMPT_SECONDS = 30;

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(
          Simulator.builder().runs(3000).flows(3).seed(41).requestsPerHour(0).latencyMs(200));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aStoppedRunUnwindsCleanlyInEveryPhaseAndTheNextRunCompletesTheLake(
      String signal, Simulator sim) throws Exception {
    // A shell without job control starts background jobs with SIGINT ignored, and the run started
    // from this JVM inherits that: it then rightly does not stop on SIGINT (as nohup'd work does
    // not)
    assumeFalse(
        signal.equals("INT") && sigintIgnored(),
        "SIGINT is ignored in this process (a background job of a shell without job control)");
    Path lake = dir.resolve("lake");
    int expectedExit = signal.equals("INT") ? 130 : 143;

    // 1. while fetching: this run has read runs.json pages, nothing is in the lake yet
    long pagesBefore = runsPagesRead(sim);
    stopWhen(sim, lake, signal, expectedExit, log -> runsPagesRead(sim) >= pagesBefore + 2);
    // 2. while writing: this run has fetched its pages and begun to merge them into the lake. Its
    // own "fetched after" line says so the moment the merge starts (and cannot come from what an
    // earlier run left behind); the periodic progress line, printed every 15 s, can miss a merge
    // shorter than that
    stopWhen(sim, lake, signal, expectedExit, log -> said(log, "fetched after "));
    // 3. while building the marts (no earlier run got that far)
    stopWhen(sim, lake, signal, expectedExit, log -> Files.isDirectory(lake.resolve("marts")));

    List<JsonNode> reports = RunReports.in(lake);
    assertThat(reports).hasSize(3);
    for (JsonNode report : reports) {
      assertThat(report.get("outcome").asText()).as(report.toString()).isEqualTo("interrupted");
      assertThat(report.get("exit_code").asInt()).isEqualTo(expectedExit);
    }

    // the third run had committed its pull before the stop: nothing is new, and the marts it did
    // not finish are built now
    CliResult next = cli.against(sim).run("run", "--lake", lake.toString());
    assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCodes.NOTHING_NEW);
    assertThat(next.out()).containsPattern("(?m)^nothing new since \\d{4}-\\d\\d-\\d\\dT");
    assertThat(lake.resolve("marts/flow_summary/_delta_log")).isDirectory();
    Set<String> truth =
        sim.workspace().snapshot().stream().map(RunRecord::uuid).collect(Collectors.toSet());
    List<String> inLake =
        SharedSpark.session()
            .read()
            .format("delta")
            .load(lake.resolve("runs").toString())
            .select("uuid")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(inLake).hasSameSizeAs(truth).containsExactlyInAnyOrderElementsOf(truth);

    // 4. while the next run asks the workspace whether anything is new, before any Spark
    long probeReadsBefore = runsPagesRead(sim);
    stopWhen(sim, lake, signal, expectedExit, log -> runsPagesRead(sim) > probeReadsBefore);
    List<JsonNode> all = RunReports.in(lake);
    JsonNode probed = all.get(all.size() - 1);
    assertThat(probed.get("outcome").asText()).as(probed.toString()).isEqualTo("interrupted");
    assertThat(probed.get("exit_code").asInt()).isEqualTo(expectedExit);
  }

  /** Whether SIGINT (bit 1 of /proc's SigIgn mask) is ignored, as it was when this JVM started. */
  private static boolean sigintIgnored() throws java.io.IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("SigIgn:"))
        .anyMatch(line -> (Long.parseLong(line.substring(7).strip(), 16) & 0x2) != 0);
  }

  private void stopWhen(
      Simulator sim, Path lake, String signal, int expectedExit, Predicate<Path> moment)
      throws Exception {
    Path log = dir.resolve("run-" + System.nanoTime() + ".log");
    Process run = cli.against(sim).start(log, "run", "--lake", lake.toString());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!moment.test(log)) {
      if (!run.isAlive()) {
        throw new AssertionError(
            "the run ended (exit "
                + run.exitValue()
                + ") before the moment to stop it:\n"
                + Files.readString(log));
      }
      assertThat(System.nanoTime()).as("waiting for the moment to stop").isLessThan(deadline);
      Thread.sleep(20);
    }
    new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start().waitFor();

    if (!run.waitFor(PROMPT_SECONDS, TimeUnit.SECONDS)) {
      Process jstack =
          new ProcessBuilder("jstack", Long.toString(run.pid())).redirectErrorStream(true).start();
      String threads = new String(jstack.getInputStream().readAllBytes());
      throw new AssertionError(
          "not stopped within " + PROMPT_SECONDS + " s:\n" + Files.readString(log) + threads);
    }
    String output = Files.readString(log);
    assertThat(run.exitValue()).as(output).isEqualTo(expectedExit);
    List<String> errors = output.lines().filter(line -> line.startsWith("flowlake run:")).toList();
    assertThat(errors).as(output).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("flowlake run: interrupted by SIG" + signal + "; the lake is unchanged since ")
        .endsWith(", run again to resume");
    assertThat(output).as("no stack trace without --verbose").doesNotContain("\tat ");
    assertThat(lake.resolve("_state/lock.json")).as("lock released").doesNotExist();
  }

  private static boolean said(Path log, String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (java.io.IOException e) {
      return false; // being written: look again
    }
  }

  private static long runsPagesRead(Simulator sim) {
    return sim.requests().all().stream()
        .filter(r -> r.pathAndQuery().startsWith("/api/v2/runs.json"))
        .count();
  }
}
