package io.flowlake.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.ProjectFiles;
import io.flowlake.models.Model;
import io.flowlake.models.ModelCatalog;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's spark-submit line, run as written (only the master, API and lake filled in) with the
 * shaded jar on a real standalone master and worker on loopback, gives the same lake and marts as
 * the same {@code run} in local mode.
 */
@ExtendWith(SharedSpark.class)
class ClusterRunIT {

  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(2000).flows(4).seed(31));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  /** The README's spark-submit command, continuation lines joined, as words. */
  static List<String> readmeSubmitLine() throws Exception {
    String readme = Files.readString(ProjectFiles.root().resolve("README.md"));
    Matcher block =
        Pattern.compile("(?m)^spark-submit --master (?:[^\\n]*\\\\\\n)*[^\\n]*$").matcher(readme);
    assertThat(block.find()).as("a spark-submit block in README.md").isTrue();
    String line = block.group().replaceAll("\\\\\\n", " ");
    return new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
  }

  private static void setValue(List<String> words, String option, String value) {
    int at = words.indexOf(option);
    assertThat(at).as("README's spark-submit line has %s", option).isNotNegative();
    words.set(at + 1, value);
  }

  /** Contacts kept and marts segmented the same way on the cluster and in local mode. */
  private static final List<String> SEGMENTED =
      List.of(
          "--contact-fields",
          "gender,district",
          "--segment-by",
          "gender,district,group",
          "--min-segment-runs",
          "1");

  @Test
  void theReadmeSubmitLineOnAStandaloneClusterGivesTheLocalModeLakeAndMarts(Simulator sim)
      throws Exception {
    Path jar = ProjectFiles.root().resolve("jobs/target/flowlake-jobs-0.1.0-SNAPSHOT-spark.jar");
    assertThat(jar).as("the shaded jar (built at package)").exists();
    Path clusterLake = dir.resolve("cluster-lake");
    Path localLake = dir.resolve("local-lake");
    try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"))) {
      List<String> submit = readmeSubmitLine();
      assertThat(submit.get(0)).isEqualTo("spark-submit");
      submit.set(0, cluster.sparkHome().resolve("bin/spark-submit").toString());
      setValue(submit, "--master", cluster.masterUrl());
      setValue(submit, "--api", sim.url().toString());
      setValue(submit, "--lake", clusterLake.toString());
      int jarAt = submit.indexOf("jobs/target/flowlake-jobs-0.1.0-SNAPSHOT-spark.jar");
      assertThat(jarAt).as("README's spark-submit line names the shaded jar").isPositive();
      submit.set(jarAt, jar.toString());
      submit.addAll(SEGMENTED); // so the segment marts have rows to compare

      ProcessBuilder builder =
          new ProcessBuilder(submit)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("submit.log").toFile());
      builder.environment().putAll(cluster.environment());
      builder.environment().put("RAPIDPRO_TOKEN", sim.token());
      Process driver = builder.start();
      try {
        assertThat(driver.waitFor(10, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
      } finally {
        StandaloneCluster.stop(driver.toHandle());
      }
      String log = Files.readString(dir.resolve("submit.log"));
      assertThat(driver.exitValue()).as("spark-submit exit code; its output:%n%s", log).isZero();
      assertThat(cluster.applications()).as("applications the worker ran executors for").hasSize(1);

      List<String> localRun = new ArrayList<>(List.of("run", "--lake", localLake.toString()));
      localRun.addAll(SEGMENTED);
      CliResult local = cli.against(sim).run(localRun.toArray(String[]::new));
      assertThat(local.exitCode()).as(local.err()).isZero();
    }

    assertSameRows(clusterLake.resolve("runs"), localLake.resolve("runs"), 2000);
    assertSameRows(clusterLake.resolve("run_values"), localLake.resolve("run_values"), -1);
    for (Model mart : ModelCatalog.load().marts()) {
      assertSameRows(
          clusterLake.resolve("marts").resolve(mart.name()),
          localLake.resolve("marts").resolve(mart.name()),
          -1);
    }
  }

  private static void assertSameRows(Path cluster, Path local, long expectedRows) {
    Dataset<Row> a = spark.read().format("delta").load(cluster.toString());
    Dataset<Row> b = spark.read().format("delta").load(local.toString());
    assertThat(a.schema()).as(cluster.toString()).isEqualTo(b.schema());
    Column[] order = sortable(a.schema());
    List<Row> clusterRows = a.sort(order).collectAsList();
    List<Row> localRows = b.sort(order).collectAsList();
    assertThat(clusterRows).as(cluster.toString()).isNotEmpty().isEqualTo(localRows);
    if (expectedRows >= 0) {
      assertThat(clusterRows).hasSize((int) expectedRows);
    }
  }

  private static Column[] sortable(StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (!(field.dataType() instanceof MapType) && !(field.dataType() instanceof ArrayType)) {
        columns.add(functions.col("`" + field.name() + "`"));
      }
    }
    return columns.toArray(Column[]::new);
  }
}
