package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import io.flowlake.config.FieldSelection;
import io.flowlake.lake.ConcurrentTableWrites;
import io.flowlake.models.FullRecompute;
import io.flowlake.models.MartPaths;
import io.flowlake.models.Model;
import io.flowlake.models.ModelCatalog;
import io.flowlake.models.SegmentRequest;
import io.flowlake.models.Transform;
import io.flowlake.models.TransformResult;
import io.flowlake.privacy.PersonalData;
import io.flowlake.simulator.Simulator;
import io.flowlake.source.SourceOptions;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property the incremental transform rests on: after any sequence of pulls (runs added and
 * changed, a backfill from the archives, contacts deleted and erased, contacts moved between
 * segments, pulls whose transform never ran), the marts it patches equal, row for row and exactly,
 * the marts a full transform computes from the same tables. The sequence is drawn from a seed,
 * printed on failure; {@code -Dflowlake.incrementalSeed=N} replays one.
 */
@ExtendWith(SharedSpark.class)
class IncrementalTransformIT {

  private static final SparkSession spark = SharedSpark.session();
  private static final String KEPT = "gender,born,district";
  private static final SegmentRequest SEGMENTS =
      SegmentRequest.parse("gender,district,born:age,group", null, 5);

  private enum Step {
    CHANGE_RUNS,
    PULL_WITHOUT_TRANSFORM,
    BACKFILL,
    DELETE_CONTACT,
    MOVE_CONTACTS,
    NOTHING_NEW
  }

  @RegisterExtension final SimulatorExtension simulator = SimulatorExtension.onDemand();
  @TempDir Path dir;

  private Simulator sim;
  private PullFixture fx;
  private Path lake;
  private Random random;

  @Test
  void incrementalMartsEqualAFullTransformAfterEveryStep() throws Exception {
    long seed = Long.getLong("flowlake.incrementalSeed", System.nanoTime());
    random = new Random(seed);
    // RapidPro's 90-day retention, 60 days ago: most runs only in the archives until a backfill
    sim =
        simulator.start(
            Simulator.builder()
                .runs(150)
                .flows(3)
                .seed(random.nextLong())
                .now(Instant.now().minus(Duration.ofDays(60)))
                .retentionDays(90)
                .requestsPerHour(0));
    fx = new PullFixture(spark, simulator::get);
    lake = dir.resolve("lake");
    // every kind of step once (a lean test), in an order and with sizes drawn from the seed
    List<Step> steps = new ArrayList<>(List.of(Step.values()));
    Collections.shuffle(steps, random);
    List<String> done = new ArrayList<>();
    try {
      pull(false);
      assertThat(transformAndCompare(done.size()).scope().all()).as("the first transform").isTrue();
      boolean pending = false;
      for (Step step : steps) {
        done.add(step.name());
        // the previous step's pull was left without its transform: this one still owes its changes
        boolean owed = pending;
        pending = apply(step);
        if (!pending) {
          TransformResult result = transformAndCompare(done.size());
          assertThat(result.scope().all()).as("recomputed every flow: " + result.why()).isFalse();
          if (step == Step.NOTHING_NEW && !owed) {
            assertThat(result.upToDate()).as(result.why()).isTrue();
          }
        }
      }
      if (pending) {
        transformAndCompare(done.size() + 1);
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          "incremental != full with -Dflowlake.incrementalSeed=" + seed + " after " + done, e);
    }
  }

  /** Changes the workspace as {@code step} says and pulls; true when no transform follows. */
  private boolean apply(Step step) {
    switch (step) {
      case CHANGE_RUNS, PULL_WITHOUT_TRANSFORM -> {
        sim.workspace().modifyRuns(1 + random.nextInt(10));
        sim.workspace().addRuns(1 + random.nextInt(5));
      }
      case BACKFILL -> {
        sim.workspace().modifyRuns(1 + random.nextInt(3));
        new BackfillJob(spark, fx.paths(lake), Clock.systemUTC())
            .run(SourceOptions.connection(fx.options()), fx.options(), PersonalData.drop());
      }
      case DELETE_CONTACT -> {
        List<ContactRecord> withRuns = livingWithRuns();
        sim.workspace().deleteContact(withRuns.get(random.nextInt(withRuns.size())).uuid());
      }
      case MOVE_CONTACTS -> sim.workspace().moveContacts(1 + random.nextInt(3));
      case NOTHING_NEW -> {}
    }
    pull(false);
    return step == Step.PULL_WITHOUT_TRANSFORM;
  }

  private void pull(boolean full) {
    PullSettings settings =
        new PullSettings(fx.options(), Duration.ofMinutes(10), full)
            .withContacts(ContactsSettings.keeping(FieldSelection.parse(KEPT)));
    new PullJob(spark, fx.paths(lake), Clock.systemUTC(), PullStage.Listener.NONE)
        .run(settings, PullJob.newPullId());
  }

  /**
   * Transforms the lake incrementally, then asserts every mart equal to what a full transform
   * computes from the same tables ({@link FullRecompute}): same columns, same rows (as a multiset),
   * values compared exactly.
   */
  private TransformResult transformAndCompare(int step) {
    long start = System.nanoTime();
    TransformResult result = Transform.run(spark, fx.paths(lake).root(), SEGMENTS);
    // the figures docs/transform.md quotes: incremental (or nothing to do)
    System.out.printf(
        "step %d: incremental %.2f s (%s)%n",
        step, (System.nanoTime() - start) / 1e9, result.why());
    long oracle = System.nanoTime();
    Map<String, Dataset<Row>> full = FullRecompute.marts(spark, fx.paths(lake).root(), SEGMENTS);
    assertThat(full.keySet())
        .containsExactlyElementsOf(ModelCatalog.load().marts().stream().map(Model::name).toList());
    // both sides of every mart read at once: each read is a small job and a Delta snapshot
    Map<String, Comparison> compared =
        ConcurrentTableWrites.run(
            List.copyOf(full.keySet()),
            mart -> mart,
            mart -> Comparison.of(full.get(mart), MartPaths.mart(fx.paths(lake).root(), mart)));
    System.out.printf(
        "step %d: full recompute and comparison %.2f s%n",
        step, (System.nanoTime() - oracle) / 1e9);
    compared.forEach(
        (mart, pair) -> {
          assertThat(pair.patchedColumns()).as(mart).containsExactly(pair.rebuiltColumns());
          assertThat(pair.patched())
              .as("%s after %s", mart, result.why())
              .containsExactlyInAnyOrderElementsOf(pair.rebuilt());
        });
    return result;
  }

  /** A mart as the incremental transform wrote it, beside the rows a full transform computes. */
  private record Comparison(
      String[] patchedColumns, List<Row> patched, String[] rebuiltColumns, List<Row> rebuilt) {

    static Comparison of(Dataset<Row> rebuilt, String written) {
      Dataset<Row> patched = spark.read().format("delta").load(written);
      return new Comparison(
          patched.columns(), patched.collectAsList(), rebuilt.columns(), rebuilt.collectAsList());
    }
  }

  private List<ContactRecord> livingWithRuns() {
    Set<String> withRuns =
        sim.workspace().snapshot().stream()
            .map(RunRecord::contact)
            .filter(c -> c != null)
            .map(c -> c.uuid())
            .collect(Collectors.toSet());
    return sim.workspace().contactSnapshot().stream()
        .filter(c -> !c.deleted() && withRuns.contains(c.uuid()))
        .toList();
  }
}
