package io.flowlake.pull;

import io.flowlake.api.ApiException;
import io.flowlake.config.ReadSettings;
import io.flowlake.lake.ContactsRecord;
import io.flowlake.lake.EmptyTables;
import io.flowlake.lake.Erasure;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.PullRecord;
import io.flowlake.lake.ReaderFeatures;
import io.flowlake.lake.StateStore;
import io.flowlake.models.SessionDefaults;
import io.flowlake.privacy.LakePolicyRecord;
import io.flowlake.privacy.PersonalData;
import io.flowlake.source.RapidProTableProvider;
import io.flowlake.source.ReadConcurrency;
import io.flowlake.source.RunsPrefetch;
import io.flowlake.source.RunsReadPlan;
import io.flowlake.source.RunsWindow;
import io.flowlake.source.SourceMetrics;
import io.flowlake.source.WorkspaceFlows;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code flowlake pull}: reads the runs modified in [watermark − overlap, T0] through the {@code
 * rapidpro} source and merges them into the lake.
 *
 * <p>Order of work, which is what makes a pull killed at any moment safe to run again: (1)-(4) land
 * the runs ({@link RunLanding}: fetch every page once into a staging folder, merge {@code runs},
 * rebuild the touched months of {@code run_values}, keep rejects); (5) only then record the new
 * watermark. A crash before (5) leaves the old watermark, so the next pull fetches the same window
 * again and the merges converge to the same lake. Unless the settings skip them, the contacts land
 * between (4) and (5) with a watermark of their own ({@link ContactsLanding}); then the contacts
 * RapidPro deleted since the last pull are erased ({@link DeletionsMirror}).
 *
 * <p>A long pull does (1)-(4) a chunk of windows at a time (oldest first) and records a checkpoint
 * watermark after each: all windows up to it are merged, so after a crash the next pull starts
 * there (less the overlap) and does not fetch the merged chunks again.
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

  /**
   * Pulls and returns what it did, recorded in the pull history; {@code pullId} names its staging
   * folder and its live counts ({@link #newPullId}).
   */
  public PullRecord run(PullSettings settings, String pullId) {
    stages.started(pullId);
    // Delta's 50 state-rebuild tasks per table opened cost more than the merge of a pull's runs.
    try (SessionDefaults defaults = SessionDefaults.apply(spark)) {
      return pull(settings, pullId);
    } finally {
      stages.ended();
    }
  }

  private PullRecord pull(PullSettings settings, String pullId) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    LakeAccess.requireWritable(paths, conf);
    new LakePolicyRecord(paths, conf, clock).admit(settings.personalData());
    StateStore state = new StateStore(paths, conf);
    Instant started = clock.instant();
    Instant t0 = started.truncatedTo(ChronoUnit.MICROS);
    Instant watermark = settings.full() ? null : state.watermark().orElse(null);
    Instant watermarkBefore = watermark;
    boolean full = watermark == null || state.unfinishedFullPull();
    Instant after = watermark == null ? null : watermark.minus(settings.overlap());

    // Before any write: a kept contact field the workspace does not have stops the pull here.
    Optional<ContactsLanding> contacts =
        ContactsLanding.prepare(spark, paths, stages, settings, settings.personalData());
    // a first pull's tables are created while its windows are fetched, not after: in local mode
    // from its first page on (the fetch's start-up needs the cores), on a cluster at once; a pull
    // that fails still waits for those begun, so nothing is written once it has returned
    SourceMetrics.Live live = SourceMetrics.live(pullId);
    boolean local = spark.sparkContext().isLocal();
    try (EmptyTables.Creation tables =
        EmptyTables.startCreatingMissing(spark, paths, () -> !local || live.pages.get() > 0)) {
      Map<String, String> options = sourceOptions(settings, pullId, t0, after);
      RunsReadPlan plan = RunsReadPlan.of(options);
      List<RunsWindow> windows = plan.windows();
      SourceMetrics.live(pullId).windowsPlanned.set(windows.size());
      Chunk total = new Chunk();
      total.fetched =
          new SourceMetrics.Totals(plan.requests(), 0, 0, 0, plan.throttled(), plan.retries());
      // in one chunk, a first load's runs are the rows it appended: counted and digested from
      // its staged files, runs is not read back
      boolean oneChunk = windows.size() <= settings.chunkWindows();
      try {
        for (int from = 0; from < windows.size(); from += settings.chunkWindows()) {
          List<RunsWindow> chunk =
              windows.subList(from, Math.min(windows.size(), from + settings.chunkWindows()));
          Chunk done =
              pullChunk(options, chunk, pullId, t0, settings.personalData(), tables, oneChunk);
          total.add(done);
          watermark = later(watermark, done.newest);
          if (watermark != null && watermark.isAfter(t0)) {
            watermark = t0; // the read's upper bound: nothing later was asked for
          }
          if (from + settings.chunkWindows() < windows.size() && watermark != null) {
            // Every window up to this chunk's end is merged, so the watermark may move up to it.
            state.checkpoint(pullId, t0, watermark, full);
            stages.completed(PullStage.CHUNK_COMMITTED);
          }
        }
      } finally {
        SourceMetrics.forget(pullId);
      }

      try {
        ContactsRecord contactsLanded = contacts.map(c -> c.land(pullId, t0)).orElse(null);
        List<String> mismatches =
            full ? reconcile(settings.sourceOptions(), plan, total.runsHeld()) : List.of();
        DeletionsMirror deletions = new DeletionsMirror(spark, paths);
        Erasure.Erased erased = deletions.mirror(settings, t0);
        stages.erased(erased);
        PullRecord record =
            new PullRecord(
                pullId,
                full ? "full" : "incremental",
                started,
                clock.instant(),
                t0,
                after,
                watermarkBefore,
                watermark,
                total.fetched.requests(),
                total.fetched.pages(),
                total.fetched.runs(),
                total.fetched.rejects(),
                total.fetched.throttled(),
                total.fetched.retries(),
                total.months.size(),
                mismatches,
                contactsLanded,
                erased.contacts());
        EmptyTables.createMissing(spark, paths);
        ReaderFeatures.dropDeletionVectors(spark, paths);
        state.commit(record);
        stages.completed(PullStage.STATE_COMMITTED);
        // after the commit, which it names: what lets the next run see "nothing new" without Spark
        new NextPullRecorder(spark, paths)
            .record(
                record,
                settings.overlap(),
                contacts,
                deletions.nextListing(),
                // the runs landed are still all runs holds unless an erasure deleted some
                total.runsHeld().filter(held -> erased.runs() == 0));
        return record;
      } finally {
        total.discard();
      }
    }
  }

  /**
   * One chunk of windows landed: fetched once into staging, merged, {@code run_values} rebuilt,
   * rejects kept. Nothing of the state is written here, so a crash inside re-reads only this chunk.
   */
  private Chunk pullChunk(
      Map<String, String> options,
      List<RunsWindow> windows,
      String pullId,
      Instant t0,
      PersonalData personalData,
      EmptyTables.Creation tables,
      boolean keepHeldRuns) {
    Map<String, String> chunkOptions = new HashMap<>(options);
    chunkOptions.put(ReadSettings.WINDOW_EDGES.key(), ReadConcurrency.edges(windows));
    chunkOptions.remove(ReadSettings.AFTER.key());
    if (windows.get(0).after() != null) {
      chunkOptions.put(ReadSettings.AFTER.key(), windows.get(0).after().toString());
    }
    chunkOptions.put(
        ReadSettings.BEFORE.key(), windows.get(windows.size() - 1).before().toString());
    RunLanding.Landed landed;
    // the budget works while Spark plans the staging write and starts its tasks (local mode)
    try (RunsPrefetch early = RunsPrefetch.start(spark, chunkOptions)) {
      Dataset<Row> read =
          spark.read().format(RapidProTableProvider.SHORT_NAME).options(chunkOptions).load();
      landed =
          new RunLanding(spark, paths, stages, personalData, tables)
              .land(read, pullId, LakeTables.SOURCE_API, t0, keepHeldRuns);
    }
    Chunk done = new Chunk();
    done.landings.add(landed);
    done.fetched = landed.read();
    done.months.addAll(landed.months());
    done.newest = landed.newestModifiedOn();
    return done;
  }

  /**
   * After a full pull, flows.json's counts against the lake's, each difference a warning line;
   * checking is best effort: a failure to ask is itself reported, and the pull still counts. The
   * listing the plan asked for is used when there is one: asked at T0, it counts what the pull
   * read.
   */
  private List<String> reconcile(
      Map<String, String> sourceOptions, RunsReadPlan plan, Optional<Dataset<Row>> runsHeld) {
    try {
      Dataset<Row> lake = runsHeld.orElseGet(() -> spark.read().format("delta").load(paths.runs()));
      return CountReconciliation.mismatches(
          lake, plan.flows().orElseGet(() -> WorkspaceFlows.list(sourceOptions)));
    } catch (ApiException e) {
      return List.of("could not compare counts with flows.json: " + e.getMessage());
    }
  }

  /** What the pulled chunks add up to. */
  private static final class Chunk {
    SourceMetrics.Totals fetched = new SourceMetrics.Totals(0, 0, 0, 0, 0, 0);
    final Set<String> months = new TreeSet<>();
    Instant newest;
    final List<RunLanding.Landed> landings = new ArrayList<>();

    /**
     * A one-chunk first load's: every row runs holds (RunLanding.Landed#runsHeld), as its last
     * landing kept them; empty otherwise.
     */
    Optional<Dataset<Row>> runsHeld() {
      return landings.isEmpty() ? Optional.empty() : landings.get(landings.size() - 1).runsHeld();
    }

    /** Removes the staged files a landing kept for {@link #runsHeld()}. */
    void discard() {
      landings.forEach(RunLanding.Landed::discard);
    }

    void add(Chunk other) {
      SourceMetrics.Totals a = fetched;
      SourceMetrics.Totals b = other.fetched;
      fetched =
          new SourceMetrics.Totals(
              a.requests() + b.requests(),
              a.pages() + b.pages(),
              a.runs() + b.runs(),
              a.rejects() + b.rejects(),
              a.throttled() + b.throttled(),
              a.retries() + b.retries());
      months.addAll(other.months);
      newest = later(newest, other.newest);
      landings.addAll(other.landings);
    }
  }

  private static Map<String, String> sourceOptions(
      PullSettings settings, String pullId, Instant t0, Instant after) {
    Map<String, String> options = new HashMap<>(settings.sourceOptions());
    options.put(ReadSettings.BEFORE.key(), t0.toString());
    if (after != null) {
      options.put(ReadSettings.AFTER.key(), after.toString());
    }
    options.put(ReadSettings.PULL_ID.key(), pullId);
    return options;
  }

  /** The later of two instants, either of which may be null (then the other). */
  static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
