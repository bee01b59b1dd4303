package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import io.flowlake.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull in its own JVM, killed with SIGKILL (no shutdown hooks, no cleanup) while it fetches and
 * while it writes the lake; the next pull must still give exactly the simulator's runs.
 */
class KilledPullTest {

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

  private Process startPull(Simulator sim, Path lake) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), sim.token());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("flowlake.jvm.flags", "").trim().split("\\s+")));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "io.flowlake.cli.FlowlakeCli"));
    command.addAll(
        List.of(
            "pull",
            "--api",
            sim.url().toString(),
            "--token-file",
            token.toString(),
            "--lake",
            lake.toString(),
            "--requests-per-hour",
            "3600000"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("pull-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  private static void killWhen(Process pull, BooleanSupplier moment) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!moment.getAsBoolean()) {
      assertThat(pull.isAlive()).as("the pull ended before the moment to kill it").isTrue();
      assertThat(System.nanoTime()).as("waiting for the moment to kill").isLessThan(deadline);
      Thread.sleep(20);
    }
    pull.destroyForcibly().waitFor(); // SIGKILL
  }

  @Test
  void aPullKilledWhileFetchingOrWritingConvergesWhenRunAgain() throws Exception {
    try (Simulator sim =
        Simulator.builder()
            .runs(PullFixture.RUNS)
            .flows(4)
            .seed(5)
            .requestsPerHour(0)
            .latencyMs(150)
            .start()) {
      PullFixture fx = new PullFixture(spark, sim);
      Path lake = dir.resolve("lake");

      // 1. killed in the middle of the pages: only the staging folder has anything
      killWhen(startPull(sim, lake), () -> sim.requests().size() >= 5);
      assertThat(lake.resolve("runs")).doesNotExist();

      // 2. killed once the lake's first commit has begun
      Path log = lake.resolve("runs").resolve("_delta_log");
      killWhen(startPull(sim, lake), () -> Files.isDirectory(log));

      sim.workspace().modifyRuns(50);
      fx.pull(lake);
      fx.assertLakeEqualsTruth(lake);
    }
  }
}
