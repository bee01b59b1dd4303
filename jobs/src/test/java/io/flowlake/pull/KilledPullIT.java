package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.simulator.Simulator;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull in its own JVM, killed with SIGKILL (no shutdown hooks, no cleanup) while it fetches and
 * while it writes the lake; the next pull must still give exactly the simulator's runs.
 */
@ExtendWith(SharedSpark.class)
class KilledPullIT {

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(PullFixture.workspace(5).flows(4).latencyMs(150));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  private Process startPull(Simulator sim, Path lake) {
    Path log = dir.resolve("pull-" + System.nanoTime() + ".log");
    return cli.against(sim).start(log, "pull", "--lake", lake.toString());
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

  /** The month folders of a table's data files; none when the table is not there. */
  private static List<Path> dataFiles(Path table) {
    if (!Files.isDirectory(table)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(table)) {
      return files.filter(f -> f.getFileName().toString().startsWith("created_month=")).toList();
    } catch (IOException e) {
      return List.of(); // listed while the pull was writing: look again
    }
  }

  @Test
  void aPullKilledWhileFetchingOrWritingConvergesWhenRunAgain(Simulator sim) throws Exception {
    PullFixture fx = new PullFixture(SharedSpark.session(), simulator::get);
    Path lake = dir.resolve("lake");

    // 1. killed in the middle of the pages: only the staging folder has runs (the empty tables a
    // first pull creates while it fetches may be there, or half made)
    killWhen(startPull(sim, lake), () -> sim.requests().size() >= 5);
    assertThat(dataFiles(lake.resolve("runs"))).isEmpty();

    // 2. killed once the merge has begun writing runs' files, before or after its commit
    killWhen(startPull(sim, lake), () -> !dataFiles(lake.resolve("runs")).isEmpty());

    sim.workspace().modifyRuns(50);
    fx.pull(lake);
    fx.assertLakeEqualsTruth(lake);
  }
}
