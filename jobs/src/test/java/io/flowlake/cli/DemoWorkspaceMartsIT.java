package io.flowlake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.models.MartOracle;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo workspace (seed 42, 8 flows, 50,000 runs) pulled and transformed by {@code flowlake
 * run}, exactly as a scheduler runs it; every mart must equal the one computed in plain Java from
 * the simulator's ground truth (MartOracle), not from the same SQL.
 */
@ExtendWith(SharedSpark.class)
class DemoWorkspaceMartsIT {

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(50_000).flows(8).seed(42));

  @RegisterExtension final InProcessCli cli = new InProcessCli();

  @Test
  void everyMartOfTheDemoWorkspaceEqualsTheGroundTruth(
      SparkSession spark, Simulator sim, @TempDir Path dir) {
    Path lake = dir.resolve("lake");

    CliResult result = cli.against(sim).run("run", "--lake", lake.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    MartOracle.assertMartsMatch(spark, lake.toUri().toString(), sim.workspace().snapshot());
  }
}
