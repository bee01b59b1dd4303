package io.flowlake.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.LakePaths;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} ends with the flow_summary mart as a table, checked flow by flow against the
 * simulator's ground truth; a mart that disagrees with the truth fails the check.
 */
@ExtendWith(SharedSpark.class)
class DemoReportTest {

  private static final int RUNS = 3000;
  private static final int FLOWS = 3;
  private static final long SEED = 7;

  @RegisterExtension final InProcessCli cli = new InProcessCli(LocalCli::commandLine);

  /** The workspace demo generates, generated again here for its ground truth. */
  @RegisterExtension
  final SimulatorExtension truthSimulator =
      SimulatorExtension.serving(Simulator.builder().runs(RUNS).flows(FLOWS).seed(SEED));

  @Test
  void demoPrintsFlowSummaryAndFailsTheCheckWhenTheTruthDiffers(
      SparkSession spark, Simulator truthSim, @TempDir Path dir) {
    String lake = dir.resolve("demo-lake").toString();

    CliResult demo =
        cli.run(
            "demo",
            "--lake",
            lake,
            "--runs",
            String.valueOf(RUNS),
            "--flows",
            String.valueOf(FLOWS),
            "--seed",
            String.valueOf(SEED));

    String printed = demo.out();
    assertThat(demo.exitCode()).as(demo.err() + printed).isZero();
    List<RunRecord> truth = truthSim.workspace().snapshot();
    // every flow's line shows its runs and completed runs, counted here from the truth
    Map<String, List<RunRecord>> byFlow =
        truth.stream().collect(Collectors.groupingBy(RunRecord::flowName));
    assertThat(byFlow).hasSize(FLOWS);
    for (Map.Entry<String, List<RunRecord>> flow : byFlow.entrySet()) {
      long runs = flow.getValue().size();
      long completed =
          flow.getValue().stream().filter(r -> "completed".equals(r.exitType())).count();
      assertThat(printed)
          .containsPattern(
              "(?m)^"
                  + java.util.regex.Pattern.quote(flow.getKey())
                  + " +"
                  + String.format("%,d", runs)
                  + " +"
                  + String.format("%,d", completed)
                  + " +[0-9.]+% .* equal$");
    }
    assertThat(printed)
        .contains("flow_summary counts all " + String.format("%,d", RUNS) + " runs and equals");

    LakePaths paths = LakePaths.qualified(lake, spark.sparkContext().hadoopConfiguration());
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    List<RunRecord> oneRunShort = new ArrayList<>(truth.subList(1, truth.size()));

    boolean equal =
        DemoReport.print(
            spark, paths, oneRunShort, new PrintStream(report, true, StandardCharsets.UTF_8));

    assertThat(equal).isFalse();
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("DIFFERENT")
        .contains("DIFFERS from the simulator's ground truth");
  }
}
