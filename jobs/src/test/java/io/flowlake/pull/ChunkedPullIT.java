package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.api.RunRecord;
import io.flowlake.config.ReadSettings;
import io.flowlake.lake.PullRecord;
import io.flowlake.lake.StateStore;
import io.flowlake.simulator.LoggedRequest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long pull merges and records its windows a chunk at a time, and checks its counts at the end.
 */
@ExtendWith(SharedSpark.class)
class ChunkedPullIT {

  private static final Pattern AFTER = Pattern.compile("[?&]after=([^&]+)");
  private static final Duration OVERLAP = Duration.ofMinutes(10);

  private static final SparkSession spark = SharedSpark.session();

  @RegisterExtension
  final SimulatorExtension simulator = SimulatorExtension.serving(PullFixture.workspace(13));

  private final PullFixture fx = new PullFixture(spark, simulator::get);
  @TempDir Path dir;

  private PullRecord pull(Path lake, PullStage.Listener stages) {
    Map<String, String> options = fx.options();
    options.put(ReadSettings.WINDOWS.key(), "8");
    PullSettings settings = new PullSettings(options, OVERLAP, false, 2);
    return new PullJob(spark, fx.paths(lake), Clock.systemUTC(), stages)
        .run(settings, PullJob.newPullId());
  }

  @Test
  void aPullThatDiesAfterSomeChunksResumesWithoutFetchingThemAgainAndTheLakeIsExact(Simulator sim) {
    Path lake = dir.resolve("lake");
    AtomicInteger chunks = new AtomicInteger();
    PullStage.Listener dieAfterTwoChunks =
        stage -> {
          if (stage == PullStage.CHUNK_COMMITTED && chunks.incrementAndGet() == 2) {
            throw new IllegalStateException("killed after the second chunk");
          }
        };

    assertThatThrownBy(() -> pull(lake, dieAfterTwoChunks)).hasMessageContaining("killed");
    StateStore state = new StateStore(fx.paths(lake), spark.sparkContext().hadoopConfiguration());
    Instant checkpoint = state.watermark().orElseThrow();
    assertThat(state.unfinishedFullPull()).isTrue();
    assertThat(fx.history(lake)).isEmpty();
    long merged =
        sim.workspace().snapshot().stream()
            .filter(r -> !r.modifiedOn().isAfter(checkpoint))
            .count();
    assertThat(fx.lakeRuns(lake)).hasSize((int) merged);
    sim.requests().clear();

    PullRecord resumed = pull(lake, PullStage.Listener.NONE);

    fx.assertLakeEqualsTruth(lake);
    Instant resumeFrom = checkpoint.minus(OVERLAP);
    List<Instant> lowerBounds =
        sim.requests().all().stream()
            .map(LoggedRequest::pathAndQuery)
            .filter(q -> q.startsWith("/api/v2/runs.json"))
            .map(ChunkedPullIT::after)
            .toList();
    assertThat(lowerBounds)
        .as("every window asked for lies above the checkpoint less the overlap")
        .isNotEmpty()
        .allSatisfy(after -> assertThat(after).isNotNull().isAfterOrEqualTo(resumeFrom));
    assertThat(resumed.runsFetched()).isLessThan(sim.workspace().size());
    assertThat(resumed.kind()).as("it finishes the full pull").isEqualTo("full");
    assertThat(resumed.countMismatches()).isEmpty();
    assertThat(state.unfinishedFullPull()).isFalse();
  }

  @Test
  void aFullPullWhoseCountsAgreeWithFlowsJsonReportsNothing() {
    Path lake = dir.resolve("lake");

    PullRecord pull = pull(lake, PullStage.Listener.NONE);

    assertThat(pull.countMismatches()).isEmpty();
    assertThat(fx.history(lake))
        .singleElement()
        .satisfies(r -> assertThat(r.countMismatches()).isEmpty());
  }

  @Test
  void eachChunksWindowsStartBeforeItsTasksAndNoPageIsAskedTwice(Simulator sim) {
    Path lake = dir.resolve("lake");
    sim.requests().clear();

    PullRecord pull = pull(lake, PullStage.Listener.NONE);

    fx.assertLakeEqualsTruth(lake);
    // the tasks take over the fetches RunsPrefetch started: a task that fetched again would ask
    // its windows' pages a second time (the planning probe asks without paths, so it differs)
    List<String> runsPages =
        sim.requests().all().stream()
            .map(LoggedRequest::pathAndQuery)
            .filter(q -> q.startsWith("/api/v2/runs.json"))
            .toList();
    assertThat(runsPages).doesNotHaveDuplicates();
    assertThat(pull.requests()).isEqualTo(runsPages.size() + flowsRequests(sim));
  }

  private static long flowsRequests(Simulator sim) {
    return sim.requests().all().stream()
        .filter(r -> r.pathAndQuery().startsWith("/api/v2/flows.json"))
        .count();
  }

  @Test
  void aRunTheWorkspaceDoesNotHaveShowsAsACountMismatchInTheWarningAndTheHistory(Simulator sim) {
    Path lake = dir.resolve("lake");
    pull(lake, PullStage.Listener.NONE);
    RunRecord completed =
        sim.workspace().snapshot().stream()
            .filter(r -> "completed".equals(r.exitType()))
            .findFirst()
            .orElseThrow();
    // A run in the lake that the workspace never had (as if a bad import had added it).
    Dataset<Row> runs = spark.read().format("delta").load(fx.paths(lake).runs());
    runs.where(runs.col("uuid").equalTo(completed.uuid()))
        .withColumn("uuid", org.apache.spark.sql.functions.expr("uuid()"))
        .write()
        .format("delta")
        .mode(SaveMode.Append)
        .save(fx.paths(lake).runs());

    Map<String, String> options = fx.options();
    PullRecord full =
        new PullJob(spark, fx.paths(lake), Clock.systemUTC())
            .run(new PullSettings(options, OVERLAP, true), PullJob.newPullId());

    long inApi =
        sim.workspace().snapshot().stream()
            .filter(r -> r.flowUuid().equals(completed.flowUuid()))
            .filter(r -> "completed".equals(r.exitType()))
            .count();
    assertThat(full.countMismatches())
        .containsExactly(
            String.format(
                "flow %s (%s) completed: lake %d, flows.json %d",
                completed.flowUuid(), completed.flowName(), inApi + 1, inApi));
    assertThat(fx.history(lake).get(1).countMismatches()).isEqualTo(full.countMismatches());
  }

  private static Instant after(String pathAndQuery) {
    Matcher m = AFTER.matcher(pathAndQuery);
    return m.find() ? Instant.parse(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)) : null;
  }
}
