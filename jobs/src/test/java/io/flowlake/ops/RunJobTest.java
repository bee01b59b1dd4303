package io.flowlake.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.api.ApiConfig;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.config.ReadSettings;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.models.TransformResult;
import io.flowlake.pull.BackfillRecord;
import io.flowlake.pull.PullSettings;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} as a job: it tells each step in order, and whether it succeeds or fails it leaves a
 * report that records how its process will end.
 */
@ExtendWith(SharedSpark.class)
class RunJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();
  @TempDir Path dir;

  /** Codes no real mapping gives, so the report shows it took them from here. */
  private static final RunExitCodes CODES =
      new RunExitCodes() {
        @Override
        public int of(RunOutcome outcome) {
          return 40 + outcome.ordinal();
        }

        @Override
        public int of(Throwable failure) {
          return 77;
        }

        @Override
        public String message(Throwable failure) {
          return "failed with " + failure.getClass().getSimpleName();
        }
      };

  /** Writes down what the run tells, in order. */
  private static final class Told implements RunListener {
    final List<String> steps = new ArrayList<>();

    @Override
    public void backfilled(BackfillRecord backfill) {
      steps.add("backfilled");
    }

    @Override
    public void pulled(PullRecord pull) {
      steps.add("pulled");
    }

    @Override
    public void transformed(TransformResult marts) {
      steps.add("transformed");
    }

    @Override
    public void finished(RunReport report) {
      steps.add("finished " + report.toJson().contains("\"outcome\":\"success\""));
    }
  }

  private static Map<String, String> connection(Simulator sim, String token) {
    Map<String, String> options = new HashMap<>();
    options.put(ConnectionSettings.API.key(), sim.url().toString());
    options.put(ConnectionSettings.TOKEN.key(), token);
    options.put(ConnectionSettings.REQUESTS_PER_HOUR.key(), "3600000");
    return options;
  }

  private RunOutcome run(Path lake, RunJob.Settings settings, Told told, Instant started) {
    return new RunJob(spark, new LakePaths(lake.toUri().toString()), Clock.systemUTC(), told, CODES)
        .run(settings, started);
  }

  private static JsonNode onlyReport(Path lake, Instant started) throws Exception {
    List<Path> reports;
    try (Stream<Path> files = Files.list(lake.resolve("_state").resolve(RunReportStore.DIR))) {
      reports = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertThat(reports)
        .singleElement()
        .satisfies(
            f -> assertThat(f.getFileName().toString()).startsWith(started.toEpochMilli() + "-"));
    return JSON.readTree(reports.get(0).toFile());
  }

  @Test
  void aRunWithArchivesAndAPullParallelismBackfillsPullsAndTransformsInThatOrder()
      throws Exception {
    Simulator sim =
        simulators.start(
            Simulator.builder()
                .runs(400)
                .flows(2)
                .seed(22)
                .now(Instant.now().minus(Duration.ofDays(60)))
                .retentionDays(90));
    ApiConfig api =
        ApiConfig.builder(sim.url().toString())
            .token(sim.token())
            .requestsPerHour(3_600_000)
            .build();
    Map<String, String> connection = connection(sim, sim.token());
    Map<String, String> pullOptions = new HashMap<>(connection);
    pullOptions.put(ReadSettings.PARALLELISM.key(), "2"); // an option the archives source refuses
    PullSettings pull = new PullSettings(pullOptions, Duration.ofMinutes(10), false);
    Path lake = dir.resolve("lake");
    Instant started = Instant.now();
    Told told = new Told();

    RunOutcome outcome =
        run(lake, new RunJob.Settings(api, connection, pull, true, -1), told, started);

    assertThat(outcome).isEqualTo(RunOutcome.SUCCESS);
    assertThat(told.steps).containsExactly("backfilled", "pulled", "transformed", "finished true");
    assertThat(spark.read().format("delta").load(lake.resolve("runs").toString()).count())
        .isEqualTo(sim.workspace().size());
    JsonNode report = onlyReport(lake, started);
    assertThat(report.get("exit_code").asInt()).isEqualTo(40 + RunOutcome.SUCCESS.ordinal());
    assertThat(lake.resolve("_state").resolve(RunLock.FILE)).doesNotExist();
  }

  @Test
  void aRunWhoseTokenIsRejectedStoresAFailureReportWithTheGivenCodeAndReleasesTheLock()
      throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(50).flows(2).seed(21));
    ApiConfig api = ApiConfig.builder(sim.url().toString()).token("wrong-token").build();
    Map<String, String> connection = connection(sim, "wrong-token");
    PullSettings pull = new PullSettings(connection, Duration.ofMinutes(10), false);
    Path lake = dir.resolve("lake");
    Instant started = Instant.parse("2026-01-02T03:04:05Z");
    Told told = new Told();

    Throwable thrown =
        catchThrowable(
            () -> run(lake, new RunJob.Settings(api, connection, pull, false, -1), told, started));

    assertThat(thrown).isNotNull();
    assertThat(told.steps).containsExactly("finished false");
    JsonNode report = onlyReport(lake, started);
    assertThat(report.get("outcome").asText()).isEqualTo("failure");
    assertThat(report.get("exit_code").asInt()).isEqualTo(77);
    assertThat(report.get("error").asText())
        .isEqualTo("failed with " + thrown.getClass().getSimpleName());
    assertThat(report.get("started_at").asText()).isEqualTo(started.toString());
    assertThat(report.get("pull").isNull()).isTrue();
    assertThat(lake.resolve("_state").resolve(RunLock.FILE)).doesNotExist();
  }
}
