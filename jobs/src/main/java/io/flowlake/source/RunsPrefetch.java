package io.flowlake.source;

import io.flowlake.api.RunsQuery;
import io.flowlake.config.ReadSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * In local mode, a pull's windows are fetched from the moment they are planned, not from the moment
 * Spark's tasks start: between the two a fresh JVM spends seconds planning the staging write's job
 * and setting up its tasks (code generation, a Parquet writer), and the request budget, the scarce
 * thing, would idle all that while. Each group of windows is started here as {@link RunsBatch} will
 * group them, and the task reading that group claims its fetch ({@link #claim}) instead of starting
 * one. The pages read meanwhile wait in a bounded buffer.
 *
 * <p>Only in local mode, where the tasks run in this JVM; on a cluster the tasks start their own
 * fetch as before. A fetch no task claimed (the read failed before its job ran) is stopped by
 * {@link #close}: its pages are dropped, nothing was written from them.
 */
public final class RunsPrefetch implements AutoCloseable {

  /**
   * Pages a group may hold before its task takes them: about what arrives while a fresh JVM starts
   * the task (seconds), at most this many (a page of 250 parsed runs is about a megabyte).
   */
  static final int MAX_BUFFERED_PAGES = 48;

  private static final double START_UP_SECONDS = 10;

  private static final Map<String, List<GroupFetch>> STARTED = new ConcurrentHashMap<>();

  private static final RunsPrefetch NONE = new RunsPrefetch(null, List.of());

  private final String readId;
  private final List<GroupFetch> unclaimed;

  private RunsPrefetch(String readId, List<GroupFetch> unclaimed) {
    this.readId = readId;
    this.unclaimed = unclaimed;
  }

  /**
   * Starts fetching the windows a {@code rapidpro} read with {@code readOptions} will read, when it
   * names them ({@link ReadSettings#WINDOW_EDGES}) and its pull id ({@link ReadSettings#PULL_ID})
   * and Spark runs in this JVM; otherwise does nothing. Close it once the read is done.
   */
  public static RunsPrefetch start(SparkSession spark, Map<String, String> readOptions) {
    SparkContext sc = spark.sparkContext();
    SourceOptions options = SourceOptions.parse(readOptions, Instant.now());
    ReadConcurrency concurrency = ReadConcurrency.parse(readOptions);
    if (!sc.isLocal() || options.pullId() == null || concurrency.planned() == null) {
      return NONE;
    }
    RunsWindowGroup[] groups = RunsBatch.groups(options, concurrency, concurrency.planned(), sc);
    int buffered = buffered(options.api().requestsPerHour(), groups.length);
    // a pull reads every column, paths included (RunLanding stages the whole read)
    boolean paths = RunColumns.needsPath(RunColumns.SOURCE);
    List<GroupFetch> started = new ArrayList<>();
    for (RunsWindowGroup group : groups) {
      started.add(GroupFetch.start(options, group, paths, buffered));
    }
    if (STARTED.putIfAbsent(options.pullId(), started) != null) {
      started.forEach(GroupFetch::close);
      throw new IllegalStateException("a read of pull " + options.pullId() + " is already started");
    }
    return new RunsPrefetch(options.pullId(), started);
  }

  static int buffered(int requestsPerHour, int groups) {
    double pages = requestsPerHour / 3600.0 * START_UP_SECONDS / Math.max(1, groups);
    return (int) Math.min(MAX_BUFFERED_PAGES, Math.ceil(pages));
  }

  /**
   * The fetch started for a reader of {@code group} in read {@code readId}, if one was and it asks
   * exactly {@code queries}; a fetch is claimed once (a retried task starts its own).
   */
  static Optional<GroupFetch> claim(String readId, RunsWindowGroup group, List<RunsQuery> queries) {
    List<GroupFetch> waiting = readId == null ? null : STARTED.get(readId);
    if (waiting == null) {
      return Optional.empty();
    }
    synchronized (waiting) {
      for (Iterator<GroupFetch> it = waiting.iterator(); it.hasNext(); ) {
        GroupFetch fetch = it.next();
        if (fetch.reads(group, queries)) {
          it.remove();
          return Optional.of(fetch);
        }
      }
    }
    return Optional.empty();
  }

  /** How many started fetches no reader has claimed yet. */
  int unclaimed() {
    synchronized (unclaimed) {
      return unclaimed.size();
    }
  }

  /** Stops the fetches no task claimed; the claimed ones belong to their readers. Idempotent. */
  @Override
  public void close() {
    if (readId == null) {
      return;
    }
    STARTED.remove(readId, unclaimed);
    synchronized (unclaimed) {
      unclaimed.forEach(GroupFetch::close);
      unclaimed.clear();
    }
  }
}
