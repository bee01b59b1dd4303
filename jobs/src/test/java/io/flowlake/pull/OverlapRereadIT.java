package io.flowlake.pull;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.flowlake.config.FieldSelection;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental pull re-reads its overlap window before the watermark: the runs and contacts it
 * brings back that the lake holds exactly add no commit to any table, while a run in that window
 * whose {@code modified_on} differs from the lake's copy is merged.
 */
@ExtendWith(SharedSpark.class)
class OverlapRereadIT {

  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(
          Simulator.builder().runs(300).flows(2).seed(21).requestsPerHour(0));

  private final PullFixture fx = new PullFixture(spark, simulator::get);
  @TempDir Path dir;

  @Test
  void anOverlapReReadCommitsNothingButAChangedRunInTheOverlapIsMerged(Simulator sim) {
    // the workspace's newest writes: inside the overlap of every pull after the first
    List<String> touched = sim.workspace().touchRuns(20);
    Path lake = dir.resolve("lake");
    LakePaths paths = fx.paths(lake);
    PullRecord full = pull(lake);
    Map<String, Long> afterFull = versions(paths);

    PullRecord reread = pull(lake);

    assertThat(reread.kind()).isEqualTo("incremental");
    assertThat(reread.runsFetched()).isGreaterThanOrEqualTo(touched.size());
    assertThat(reread.contacts().contacts()).isPositive();
    assertThat(reread.watermarkAfter()).isEqualTo(full.watermarkAfter());
    assertThat(versions(paths)).isEqualTo(afterFull);

    // the lake's copy of one overlap run goes stale, as when a change reaches the replica late
    String late = touched.get(0);
    DeltaTable.forPath(spark, paths.runs())
        .update(
            col("uuid").equalTo(late),
            Map.of("modified_on", expr("modified_on - interval 1 second")));
    Map<String, Long> stale = versions(paths);

    PullRecord caught = pull(lake);

    assertThat(caught.watermarkAfter()).isEqualTo(full.watermarkAfter());
    Map<String, Long> merged = versions(paths);
    assertThat(merged.get("runs")).isEqualTo(stale.get("runs") + 1);
    assertThat(merged.get("run_values")).isEqualTo(stale.get("run_values") + 1);
    fx.assertLakeEqualsTruth(lake);
  }

  private PullRecord pull(Path lake) {
    PullSettings settings =
        new PullSettings(fx.options(), Duration.ofMinutes(10), false)
            .withContacts(new ContactsSettings(true, 3_600_000, FieldSelection.NONE));
    return new PullJob(spark, fx.paths(lake), Clock.systemUTC()).run(settings, PullJob.newPullId());
  }

  /** Each pulled table's latest Delta version, by name. */
  private static Map<String, Long> versions(LakePaths paths) {
    Map<String, String> tables =
        Map.of(
            "runs", paths.runs(),
            "run_values", paths.runValues(),
            "contacts", paths.contacts(),
            "contact_fields", paths.contactFields(),
            "groups", paths.groups());
    Map<String, Long> versions = new LinkedHashMap<>();
    tables.forEach(
        (name, location) ->
            versions.put(
                name,
                DeltaTable.forPath(spark, location)
                    .history(1)
                    .select("version")
                    .head()
                    .getLong(0)));
    return versions;
  }
}
