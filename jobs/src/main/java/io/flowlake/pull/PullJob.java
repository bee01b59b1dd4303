package io.flowlake.pull;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.PullRecord;
import io.flowlake.lake.RejectsStore;
import io.flowlake.lake.RunValuesRefresh;
import io.flowlake.lake.RunsMerge;
import io.flowlake.lake.StateStore;
import io.flowlake.source.RapidProTableProvider;
import io.flowlake.source.RunColumns;
import io.flowlake.source.SourceMetrics;
import io.flowlake.source.SourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code flowlake pull}: reads the runs modified in [watermark − overlap, T0] through the {@code
 * rapidpro} source and merges them into the lake.
 *
 * <p>Order of work, which is what makes a pull killed at any moment safe to run again: (1) fetch
 * every page once into a staging folder; (2) merge {@code runs} (one atomic commit, idempotent);
 * (3) rebuild the touched months of {@code run_values}; (4) keep rejects; (5) only then record the
 * new watermark. A crash before (5) leaves the old watermark, so the next pull fetches the same
 * window again and the merges converge to the same lake.
 */
public final class PullJob {

  private final SparkSession spark;
  private final LakePaths paths;
  private final Clock clock;
  private final PullStage.Listener stages;

  public PullJob(SparkSession spark, LakePaths paths, Clock clock) {
    this(spark, paths, clock, PullStage.Listener.NONE);
  }

  public PullJob(SparkSession spark, LakePaths paths, Clock clock, PullStage.Listener stages) {
    this.spark = spark;
    this.paths = paths;
    this.clock = clock;
    this.stages = stages;
  }

  /** The id a progress line can watch ({@link SourceMetrics#live}) while {@link #run} works. */
  public static String newPullId() {
    return UUID.randomUUID().toString();
  }

  public PullRecord run(PullSettings settings, String pullId) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    LakeAccess.requireWritable(paths, conf);
    StateStore state = new StateStore(paths, conf);
    Instant started = clock.instant();
    Instant t0 = started.truncatedTo(ChronoUnit.MICROS);
    Instant watermark = settings.full() ? null : state.watermark().orElse(null);
    Instant after = watermark == null ? null : watermark.minus(settings.overlap());

    String staging = paths.staging(pullId);
    deleteQuietly(paths.stagingRoot(), conf); // left by a pull that was killed
    read(settings, pullId, t0, after).write().parquet(staging);
    SourceMetrics.Totals fetched = SourceMetrics.collect(pullId);
    stages.completed(PullStage.FETCHED);

    Dataset<Row> batch = spark.read().parquet(staging);
    Dataset<Row> runs = batch.where(col(RunColumns.REJECT).isNull()).drop(RunColumns.REJECT);
    List<String> months = new RunsMerge(spark, paths).merge(runs, LakeTables.SOURCE_API);
    stages.completed(PullStage.RUNS_MERGED);
    new RunValuesRefresh(spark, paths).refresh(months);
    stages.completed(PullStage.RUN_VALUES_REFRESHED);
    if (fetched.rejects() > 0) {
      new RejectsStore(spark, paths)
          .add(
              batch.where(col(RunColumns.REJECT).isNotNull()).select(RunColumns.REJECT + ".*"),
              LakeTables.SOURCE_API,
              t0);
    }

    stages.completed(PullStage.REJECTS_KEPT);

    Instant newest = newestModifiedOn(runs);
    Instant watermarkAfter = later(watermark, newest);
    if (watermarkAfter != null && watermarkAfter.isAfter(t0)) {
      watermarkAfter = t0; // the read's upper bound: nothing later was asked for
    }
    PullRecord record =
        new PullRecord(
            pullId,
            settings.full() || watermark == null ? "full" : "incremental",
            started,
            clock.instant(),
            t0,
            after,
            watermark,
            watermarkAfter,
            fetched.requests(),
            fetched.pages(),
            fetched.runs(),
            fetched.rejects(),
            fetched.throttled(),
            fetched.retries(),
            months.size());
    state.commit(record);
    stages.completed(PullStage.STATE_COMMITTED);
    deleteQuietly(staging, conf);
    return record;
  }

  private Dataset<Row> read(PullSettings settings, String pullId, Instant t0, Instant after) {
    Map<String, String> options = new HashMap<>(settings.sourceOptions());
    options.put(SourceOptions.BEFORE, t0.toString());
    if (after != null) {
      options.put(SourceOptions.AFTER, after.toString());
    }
    options.put(SourceOptions.PULL_ID, pullId);
    return spark.read().format(RapidProTableProvider.SHORT_NAME).options(options).load();
  }

  private static Instant newestModifiedOn(Dataset<Row> runs) {
    Row row = runs.agg(max("modified_on")).head();
    return row.isNullAt(0) ? null : ((Timestamp) row.get(0)).toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  static void deleteQuietly(String dir, Configuration conf) {
    Path path = new Path(dir);
    try {
      path.getFileSystem(conf).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the staging folder " + dir, e);
    }
  }
}
