package io.flowlake.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import io.flowlake.api.RunRecord;
import io.flowlake.cli.CliErrors;
import io.flowlake.cli.CommandLineSession;
import io.flowlake.lake.LakePaths;
import io.flowlake.simulator.Simulator;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} ends with the flow_summary mart as a table, checked flow by flow against the
 * simulator's ground truth; a mart that disagrees with the truth fails the check.
 */
class DemoReportTest {

  @RegisterExtension final CommandLineSession session = new CommandLineSession();

  private static final int RUNS = 3000;
  private static final int FLOWS = 3;
  private static final long SEED = 7;

  @Test
  void demoPrintsFlowSummaryAndFailsTheCheckWhenTheTruthDiffers(@TempDir Path dir)
      throws Exception {
    String lake = dir.resolve("demo-lake").toString();

    CliErrors demo =
        CliErrors.run(
            LocalCli.commandLine(),
            "demo",
            "--lake",
            lake,
            "--runs",
            String.valueOf(RUNS),
            "--flows",
            String.valueOf(FLOWS),
            "--seed",
            String.valueOf(SEED));

    String printed = session.printed();
    assertThat(demo.exitCode()).as(demo.err() + printed).isZero();
    List<RunRecord> truth;
    try (Simulator sim = Simulator.builder().runs(RUNS).flows(FLOWS).seed(SEED).start()) {
      truth = sim.workspace().snapshot();
    }
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

    SparkSession spark = SparkTestSession.start();
    try {
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
    } finally {
      spark.stop();
    }
  }
}
