package io.flowlake.cli;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import io.flowlake.lake.DeltaLogFiles;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled {@code run} with nothing new is decided before Spark (NothingNewRun): it says so,
 * exits 5, reports, and commits to no table; news (a contact deleted, a new field and group, a new
 * run) makes the next run take the normal path and land it.
 */
@ExtendWith(SharedSpark.class)
class NothingNewRunIT {

  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(
          Simulator.builder().runs(150).flows(2).seed(41).requestsPerHour(0));

  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  @Test
  void aRunWithNothingNewSkipsSparkAndEveryKindOfNewsTakesTheNormalPath(Simulator sim)
      throws IOException {
    Path lake = dir.resolve("lake");
    assertThat(run(sim, lake).exitCode()).isZero();
    Map<String, Long> versions = tableVersions(lake);

    CliResult noop = run(sim, lake);

    assertThat(noop.exitCode()).as(noop.err()).isEqualTo(ExitCodes.NOTHING_NEW);
    JsonNode report = lastReport(lake);
    assertThat(noop.out())
        .contains("nothing new since " + report.at("/pull/watermark_before").asText())
        .contains("marts up to date: nothing changed since");
    assertThat(report.get("outcome").asText()).isEqualTo("nothing_new");
    assertThat(report.at("/probe/spark").asBoolean(true)).isFalse();
    assertThat(report.at("/probe/requests").asLong()).isPositive();
    assertThat(tableVersions(lake)).isEqualTo(versions);
    String digest = Files.readString(lake.resolve("_state/next-pull.json"));
    Stream.concat(
            sim.workspace().snapshot().stream().map(RunRecord::uuid),
            sim.workspace().contactSnapshot().stream().map(ContactRecord::uuid))
        .forEach(uuid -> assertThat(digest).doesNotContain(uuid));

    // news of every kind at once (NothingNewProbeTest shows each alone is news to the probe)
    String deleted = sim.workspace().snapshot().get(0).contact().uuid();
    sim.workspace().deleteContact(deleted);
    sim.workspace().addContactField("district_code", "District Code", "text");
    sim.workspace().addContactGroup("Probe Panel");
    String added = sim.workspace().addRuns(1).get(0);
    assertThat(run(sim, lake).exitCode()).isZero();
    assertThat(lastReport(lake).get("probe").isNull()).isTrue(); // the normal path
    assertThat(rows(lake, "contacts", "uuid", deleted)).isZero();
    assertThat(rows(lake, "contact_fields", "key", "district_code")).isOne();
    assertThat(rows(lake, "groups", "name", "Probe Panel")).isOne();
    assertThat(rows(lake, "runs", "uuid", added)).isOne();

    // each normal run recorded its digest again: with nothing new since, Spark is skipped again
    assertThat(run(sim, lake).exitCode()).isEqualTo(ExitCodes.NOTHING_NEW);
    assertThat(lastReport(lake).at("/probe/spark").asBoolean(true)).isFalse();
  }

  private CliResult run(Simulator sim, Path lake) {
    return cli.against(sim).run("run", "--lake", lake.toString());
  }

  private static JsonNode lastReport(Path lake) throws IOException {
    List<JsonNode> reports = RunReports.in(lake);
    return reports.get(reports.size() - 1);
  }

  private static long rows(Path lake, String table, String column, String value) {
    return spark
        .read()
        .format("delta")
        .load(lake.resolve(table).toString())
        .where(col(column).equalTo(value))
        .count();
  }

  /** The latest Delta version of every table in the lake, marts included, by folder. */
  private static Map<String, Long> tableVersions(Path lake) throws IOException {
    DeltaLogFiles logs = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    Map<String, Long> versions = new TreeMap<>();
    try (Stream<Path> logsDirs = Files.walk(lake)) {
      for (Path log : logsDirs.filter(p -> p.endsWith("_delta_log")).toList()) {
        Path table = log.getParent();
        versions.put(
            lake.relativize(table).toString(),
            logs.latestVersion(table.toUri().toString()).orElseThrow());
      }
    }
    assertThat(versions).containsKeys("runs", "run_values", "contacts");
    return versions;
  }
}
