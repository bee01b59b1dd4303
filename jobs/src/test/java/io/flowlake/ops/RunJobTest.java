package io.flowlake.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.SparkTestSession;
import io.flowlake.api.ApiConfig;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.models.TransformResult;
import io.flowlake.pull.PullSettings;
import io.flowlake.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that fails still leaves its report, which records how the process will end. */
class RunJobTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark = SparkTestSession.start();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

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

  @Test
  void aRunWhoseTokenIsRejectedStoresAFailureReportWithTheGivenCodeAndReleasesTheLock()
      throws Exception {
    try (Simulator sim =
        Simulator.builder().runs(50).flows(2).seed(21).requestsPerHour(0).start()) {
      ApiConfig api = ApiConfig.builder(sim.url().toString()).token("wrong-token").build();
      PullSettings pull =
          new PullSettings(
              Map.of(
                  ConnectionSettings.API.key(), sim.url().toString(),
                  ConnectionSettings.TOKEN.key(), "wrong-token",
                  ConnectionSettings.REQUESTS_PER_HOUR.key(), "3600000"),
              Duration.ofMinutes(10),
              false);
      List<String> told = new ArrayList<>();
      RunListener listener =
          new RunListener() {
            @Override
            public void pulled(PullRecord p) {
              told.add("pulled");
            }

            @Override
            public void transformed(TransformResult marts) {
              told.add("transformed");
            }

            @Override
            public void finished(RunReport report) {
              told.add("finished");
            }
          };
      Path lake = dir.resolve("lake");
      Instant started = Instant.parse("2026-01-02T03:04:05Z");

      Throwable thrown =
          catchThrowable(
              () ->
                  new RunJob(
                          spark,
                          new LakePaths(lake.toUri().toString()),
                          Clock.systemUTC(),
                          listener,
                          CODES)
                      .run(new RunJob.Settings(api, pull, false, -1), started));

      assertThat(thrown).isNotNull();
      assertThat(told).containsExactly("finished");
      List<Path> reports;
      try (Stream<Path> files = Files.list(lake.resolve("_state").resolve(RunReportStore.DIR))) {
        reports = files.filter(f -> f.toString().endsWith(".json")).toList();
      }
      assertThat(reports)
          .singleElement()
          .satisfies(
              f -> assertThat(f.getFileName().toString()).startsWith(started.toEpochMilli() + "-"));
      JsonNode report = JSON.readTree(reports.get(0).toFile());
      assertThat(report.get("outcome").asText()).isEqualTo("failure");
      assertThat(report.get("exit_code").asInt()).isEqualTo(77);
      assertThat(report.get("error").asText())
          .isEqualTo("failed with " + thrown.getClass().getSimpleName());
      assertThat(report.get("started_at").asText()).isEqualTo(started.toString());
      assertThat(report.get("pull").isNull()).isTrue();
      assertThat(lake.resolve("_state").resolve(RunLock.FILE)).doesNotExist();
    }
  }
}
