package io.flowlake.pull;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.flowlake.lake.EmptyTables;
import io.flowlake.lake.HeldRuns;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RejectsStore;
import io.flowlake.lake.RunValuesPending;
import io.flowlake.lake.RunValuesRefresh;
import io.flowlake.lake.RunsMerge;
import io.flowlake.lake.Tombstones;
import io.flowlake.privacy.PersonalData;
import io.flowlake.privacy.ProtectedRuns;
import io.flowlake.source.SourceMetrics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one way runs reach the lake, for a pull and a backfill alike: a read of runs is (1) staged,
 * fetched once into files; (2) merged into {@code runs} in one commit, newest {@code modified_on}
 * wins and an API record beats an archive one on a tie ({@link RunsMerge}); (3) the months it
 * touched of {@code run_values} are rebuilt; (4) its rejects are kept. The runs and rejects of an
 * erased contact ({@link Tombstones}) are dropped before (2): an archive still holds them.
 *
 * <p>Every step is idempotent and none writes the job's state: the caller records what it landed (a
 * watermark, the archives merged) only after {@link #land} returns. A job killed anywhere before
 * that lands the same records again when re-run and converges to the same lake.
 */
final class RunLanding {

  /**
   * What a landing brought: the read's metrics, the months it touched, its newest run; and, asked
   * for ({@link #land(Dataset, String, String, Instant, boolean)}) when its merge was a first
   * load's plain append, every row {@code runs} now holds, read from the staged files, which stay
   * until {@link #discard}.
   */
  record Landed(
      SourceMetrics.Totals read,
      List<String> months,
      Instant newestModifiedOn,
      Optional<Dataset<Row>> runsHeld,
      Staging staged) {

    /** Removes the staged files (done already unless {@link #runsHeld} is present). */
    void discard() {
      staged.delete();
    }
  }

  private final SparkSession spark;
  private final LakePaths paths;
  private final PullStage.Listener stages;
  private final PersonalData personalData;
  private final EmptyTables.Creation tables;

  RunLanding(
      SparkSession spark, LakePaths paths, PullStage.Listener stages, PersonalData personalData) {
    this(spark, paths, stages, personalData, EmptyTables.Creation.none());
  }

  /**
   * @param tables the lake's tables being created while the read is fetched: awaited before the
   *     first write
   */
  RunLanding(
      SparkSession spark,
      LakePaths paths,
      PullStage.Listener stages,
      PersonalData personalData,
      EmptyTables.Creation tables) {
    this.spark = spark;
    this.paths = paths;
    this.stages = stages;
    this.personalData = personalData;
    this.tables = tables;
  }

  /**
   * @param read runs as a {@code rapidpro} source reads them, planned with {@code
   *     ReadSettings.PULL_ID} = {@code readId}
   * @param source {@code LakeTables.SOURCE_API} or {@code SOURCE_ARCHIVE}: the records' lineage
   * @param rejectedAt the time its rejects are recorded with
   */
  Landed land(Dataset<Row> read, String readId, String source, Instant rejectedAt) {
    return land(read, readId, source, rejectedAt, false);
  }

  /**
   * As {@link #land(Dataset, String, String, Instant)}; with {@code keepHeldRuns}, a landing whose
   * merge was a first load's plain append keeps its staged files and returns the rows {@code runs}
   * now holds ({@link Landed#runsHeld}), so a caller can count or digest {@code runs} without
   * reading the table back (a Delta snapshot, its state rebuilt by Spark jobs); it then calls
   * {@link Landed#discard}.
   */
  Landed land(
      Dataset<Row> read, String readId, String source, Instant rejectedAt, boolean keepHeldRuns) {
    // the policy applies before staging: under drop or hash no name reaches the disk in clear
    Staging staged = Staging.write(spark, paths, readId, ProtectedRuns.of(read, personalData));
    stages.completed(PullStage.FETCHED);
    tables.await();
    Dataset<Row> fetched = staged.records();
    Row span = fetched.agg(count(lit(1)), min("modified_on"), max("modified_on")).head();
    Tombstones tombstones = new Tombstones(spark, paths);
    RunValuesPending pending =
        new RunValuesPending(paths, spark.sparkContext().hadoopConfiguration());
    Optional<Dataset<Row>> toMerge = changed(fetched, source, span, pending.isSet());
    RunsMerge.Merged merged = new RunsMerge.Merged(List.of(), Optional.empty());
    if (toMerge.isPresent()) {
      pending.set();
      merged = new RunsMerge(spark, paths).merge(tombstones.dropFromRuns(toMerge.get()), source);
    }
    List<String> months = merged.months();
    stages.completed(PullStage.RUNS_MERGED);
    new RunValuesRefresh(spark, paths).refresh(merged);
    if (toMerge.isPresent()) {
      pending.clear();
    }
    stages.completed(PullStage.RUN_VALUES_REFRESHED);
    if (staged.totals().rejects() > 0) {
      new RejectsStore(spark, paths)
          .add(tombstones.dropFromRejects(staged.rejects()), source, rejectedAt);
    }
    stages.completed(PullStage.REJECTS_KEPT);
    Optional<Dataset<Row>> held = keepHeldRuns ? merged.appended() : Optional.empty();
    if (held.isEmpty()) {
      staged.delete();
    }
    // the newest run read, held or not: a watermark never moves back, and a pull re-run after a
    // crash (runs merged, watermark not recorded) still records it
    return new Landed(staged.totals(), months, instant(span, 2), held, staged);
  }

  /**
   * The runs to merge, none when there are none: of the API's, those the lake does not hold exactly
   * ({@link HeldRuns}), so the overlap's re-reads cost no merge and no rebuild of their months. An
   * archive is landed once ({@code ArchiveState}): its runs go to the merge as they are. So does
   * every run read while an earlier pull's run_values refresh is owed ({@link RunValuesPending}):
   * the lake holds those runs, but their months of run_values may not reflect them yet.
   */
  private Optional<Dataset<Row>> changed(
      Dataset<Row> fetched, String source, Row span, boolean refreshOwed) {
    if (span.getLong(0) == 0) {
      return Optional.empty();
    }
    if (refreshOwed || !LakeTables.SOURCE_API.equals(source)) {
      return Optional.of(fetched);
    }
    return new HeldRuns(spark, paths).changed(fetched, span.getLong(0), instant(span, 1));
  }

  private static Instant instant(Row row, int i) {
    return row.isNullAt(i) ? null : ((Timestamp) row.get(i)).toInstant();
  }
}
