package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code spark.read.format("rapidpro-archives")} on its own, as a notebook would use it. */
@ExtendWith(SharedSpark.class)
class RapidProArchivesSourceTest {

  private static final SparkSession spark = SharedSpark.session();

  /** Generated 60 days ago with 90 days kept: most runs only in archives. */
  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(
          Simulator.builder()
              .runs(2_000)
              .flows(2)
              .seed(3)
              .now(Instant.now().minus(Duration.ofDays(60)))
              .retentionDays(90));

  @Test
  void readsEveryArchivedRunOncePlanningOnePartitionPerArchiveFile(Simulator sim) {
    LocalDate cutoff =
        LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(90)), ZoneOffset.UTC);
    Set<String> archived =
        sim.workspace().snapshot().stream()
            .filter(r -> LocalDate.ofInstant(r.modifiedOn(), ZoneOffset.UTC).isBefore(cutoff))
            .map(RunRecord::uuid)
            .collect(Collectors.toSet());
    long files =
        sim.retention().archives().all().stream().filter(a -> !a.rolledUp() && !a.empty()).count();

    Dataset<Row> runs =
        spark
            .read()
            .format(RapidProArchivesProvider.SHORT_NAME)
            .options(
                Map.of(
                    ConnectionSettings.API.key(), sim.url().toString(),
                    ConnectionSettings.TOKEN.key(), sim.token()))
            .load()
            .select("uuid", "start_uuid", "contact_urn", RunColumns.REJECT);

    assertThat(runs.rdd().getNumPartitions()).isEqualTo((int) files);
    assertThat(runs.where("_reject is not null").count()).isZero();
    assertThat(runs.where("start_uuid is not null or contact_urn is not null").count()).isZero();
    Set<String> read =
        runs.collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toSet());
    assertThat(runs.count()).isEqualTo(archived.size());
    assertThat(read).isEqualTo(archived);
  }
}
