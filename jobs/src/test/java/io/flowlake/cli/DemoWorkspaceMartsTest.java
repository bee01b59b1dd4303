package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import io.flowlake.models.MartOracle;
import io.flowlake.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo workspace (seed 42, 8 flows, 50,000 runs) pulled and transformed by {@code flowlake
 * run}, exactly as a scheduler runs it; every mart must equal the one computed in plain Java from
 * the simulator's ground truth (MartOracle), not from the same SQL.
 */
class DemoWorkspaceMartsTest {

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

  @Test
  void everyMartOfTheDemoWorkspaceEqualsTheGroundTruth() throws Exception {
    try (Simulator sim =
        Simulator.builder().runs(50_000).flows(8).seed(42).requestsPerHour(0).start()) {
      Path token = Files.writeString(dir.resolve("token"), sim.token());
      Path lake = dir.resolve("lake");

      CliErrors result =
          CliErrors.run(
              "run",
              "--api",
              sim.url().toString(),
              "--token-file",
              token.toString(),
              "--lake",
              lake.toString(),
              "--requests-per-hour",
              "3600000");

      assertThat(result.exitCode()).as(result.err()).isZero();
      MartOracle.assertMartsMatch(spark, lake.toUri().toString(), sim.workspace().snapshot());
    }
  }
}
