package io.flowlake.source;

import io.flowlake.api.ClientStats;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * What a read cost: requests, pages, runs, rejects, 429s and retries, summed over every task
 * through Spark accumulators (exact on a cluster, known once the action ends), plus live counters
 * for the progress line (seen while tasks run in the driver's JVM, i.e. in local mode).
 */
public final class SourceMetrics implements Serializable {

  private static final Map<String, SourceMetrics> BY_PULL = new ConcurrentHashMap<>();
  private static final Map<String, Live> LIVE = new ConcurrentHashMap<>();

  private final String pullId;
  private final LongAccumulator requests;
  private final LongAccumulator pages;
  private final LongAccumulator runs;
  private final LongAccumulator rejects;
  private final LongAccumulator throttled;
  private final LongAccumulator retries;

  private SourceMetrics(String pullId, SparkContext sc) {
    this.pullId = pullId;
    this.requests = sc.longAccumulator("rapidpro.requests");
    this.pages = sc.longAccumulator("rapidpro.pages");
    this.runs = sc.longAccumulator("rapidpro.runs");
    this.rejects = sc.longAccumulator("rapidpro.rejects");
    this.throttled = sc.longAccumulator("rapidpro.throttled");
    this.retries = sc.longAccumulator("rapidpro.retries");
  }

  /** Called on the driver when a read is planned; a pull finds the result by its id. */
  static SourceMetrics register(String pullId) {
    SourceMetrics metrics = new SourceMetrics(pullId, SparkSession.active().sparkContext());
    if (pullId != null) {
      BY_PULL.put(pullId, metrics);
    }
    return metrics;
  }

  /** The counters of the last read planned for this pull id, removed from the registry. */
  public static Totals collect(String pullId) {
    SourceMetrics m = BY_PULL.remove(pullId);
    if (m == null) {
      return new Totals(0, 0, 0, 0, 0, 0);
    }
    return new Totals(
        m.requests.sum(),
        m.pages.sum(),
        m.runs.sum(),
        m.rejects.sum(),
        m.throttled.sum(),
        m.retries.sum());
  }

  /** Drops the live counts of a finished pull. */
  public static void forget(String pullId) {
    LIVE.remove(pullId);
  }

  /** Live counts for a progress line; zero until pages arrive in this JVM. */
  public static Live live(String pullId) {
    return LIVE.computeIfAbsent(pullId, id -> new Live());
  }

  void page(int runCount, int rejectCount, long requestsSent) {
    pages.add(1);
    runs.add(runCount);
    rejects.add(rejectCount);
    if (pullId != null) {
      Live live = live(pullId);
      live.pages.incrementAndGet();
      live.runs.addAndGet(runCount);
      live.requests.addAndGet(requestsSent);
    }
  }

  /** On the driver, once the read is planned. */
  void planned(int windowCount) {
    if (pullId != null) {
      // A pull that plans its windows itself (in chunks) has set the whole count already.
      live(pullId).windowsPlanned.compareAndSet(0, windowCount);
    }
  }

  void windowDone() {
    if (pullId != null) {
      live(pullId).windowsDone.incrementAndGet();
    }
  }

  void client(ClientStats stats) {
    requests.add(stats.requests());
    throttled.add(stats.throttled());
    retries.add(stats.retries());
  }

  /** Totals of one read. */
  public record Totals(
      long requests, long pages, long runs, long rejects, long throttled, long retries) {}

  /** Counters updated as pages arrive. */
  public static final class Live {
    public final AtomicLong pages = new AtomicLong();
    public final AtomicLong runs = new AtomicLong();
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong windowsPlanned = new AtomicLong();
    public final AtomicLong windowsDone = new AtomicLong();
  }
}
