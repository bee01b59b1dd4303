package io.flowlake;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.models.MartOracle;
import io.flowlake.models.SegmentOracle;
import io.flowlake.models.SegmentRequest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo workspace (seed 42, 8 flows, 50,000 runs) pulled and transformed once by {@code flowlake
 * run}, exactly as a scheduler runs it, then checked two ways: every mart equals the one computed
 * in plain Java from the simulator's ground truth (MartOracle), not from the same SQL; and every
 * notebook in notebooks/ (notebook 5 reads the segment marts, cut as the demo cuts them), executed
 * headless by notebooks/run_notebooks.py against that lake, with the same simulator serving the
 * live read, runs green. The notebooks assert that their charts draw the marts' numbers; the runner
 * fails on any cell error and on any chart cell without an image. The executed notebooks, their
 * HTML and the README's chart are left in jobs/target/notebooks for people to look at.
 */
@ExtendWith(SharedSpark.class)
class DemoWorkspaceIT {

  private static final Path OUT = ProjectFiles.root().resolve("jobs/target/notebooks");

  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(50_000).flows(8).seed(42));

  @RegisterExtension static final InProcessCli cli = new InProcessCli();
  @TempDir static Path dir;

  /** What bin/flowlake demo keeps and segments by (DemoCommand). */
  private static final String KEPT = "gender,born,district";

  private static final String SEGMENT_BY = "gender,district,born:age,group";

  /** The demo lake: one pull and transform of the whole workspace, shared by both checks. */
  private static Path lake;

  @BeforeAll
  static void pullAndTransform(Simulator sim) {
    lake = dir.resolve("demo-lake");
    CliResult run =
        cli.against(sim)
            .run(
                "run",
                "--lake",
                lake.toString(),
                "--contact-fields",
                KEPT,
                "--segment-by",
                SEGMENT_BY);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void everyMartEqualsTheGroundTruth(SparkSession spark, Simulator sim) {
    MartOracle.assertMartsMatch(spark, lake.toUri().toString(), sim.workspace().snapshot());
    SegmentOracle.assertMartsMatch(
        spark,
        lake.toUri().toString(),
        sim.workspace().snapshot(),
        SegmentOracle.asKept(sim.workspace().contactSnapshot(), Set.of(KEPT.split(","))),
        SegmentRequest.parse(SEGMENT_BY, null, 10)
            .resolve(Map.of("gender", "text", "born", "number", "district", "district")));
  }

  @Test
  void everyNotebookRunsGreen(Simulator sim) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), sim.token());
    String python = venvPython();
    Files.createDirectories(OUT);
    Path log = OUT.resolve("run_notebooks.log");
    int code =
        run(
            log,
            python,
            ProjectFiles.root().resolve("notebooks/run_notebooks.py").toString(),
            "--lake",
            lake.toString(),
            "--out",
            OUT.toString(),
            "--api",
            sim.url().toString(),
            "--token-file",
            token.toString(),
            "--api-is-lake-source",
            "--readme-chart",
            OUT.resolve("flow-overview.png").toString(),
            "--segments-chart",
            OUT.resolve("segments.png").toString(),
            // Two notebooks at a time, Spark drivers with the tests' JVM flags: a short session
            // over a small lake, where a cold JVM's start-up and compiling dominate.
            "--jobs",
            "2",
            "--quick-jvm");

    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(code).as(output).isZero();
    try (var notebooks = Files.list(ProjectFiles.root().resolve("notebooks"))) {
      List<String> names =
          notebooks.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb")).toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(5);
      for (String name : names) {
        assertThat(output).contains(name + ": ok");
        assertThat(OUT.resolve(name.replace(".ipynb", ".html"))).isNotEmptyFile();
      }
    }
    assertThat(OUT.resolve("flow-overview.png")).isNotEmptyFile();
    assertThat(OUT.resolve("segments.png")).isNotEmptyFile();
  }

  /** bin/venv makes the pinned environment when missing (or reuses $FLOWLAKE_VENV). */
  private static String venvPython() throws IOException, InterruptedException {
    Path log = OUT.resolve("venv.log");
    Files.createDirectories(OUT);
    Process venv =
        new ProcessBuilder(ProjectFiles.root().resolve("bin/venv").toString())
            .redirectError(log.toFile())
            .start();
    String python = new String(venv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(venv.waitFor(30, TimeUnit.MINUTES)).as("bin/venv finished").isTrue();
    assertThat(venv.exitValue()).as(Files.readString(log)).isZero();
    return python.strip().lines().reduce((first, last) -> last).orElseThrow();
  }

  private static int run(Path log, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(ProjectFiles.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(40, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the notebooks did not finish in 40 minutes; see " + log);
    }
    return process.exitValue();
  }
}
