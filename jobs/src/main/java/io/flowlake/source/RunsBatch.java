package io.flowlake.source;

import io.flowlake.api.ClientStats;
import io.flowlake.api.RequestBudget;
import io.flowlake.api.RunsClient;
import io.flowlake.api.SharedBudgets;
import io.flowlake.api.ThrottleScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Plans the read as many {@code modified_on} windows within [after, before] ({@link
 * WindowPlanner}), dealt round-robin into one group per task slot; each task reads its windows with
 * several threads, so the requests in flight ({@code parallelism}) do not depend on cores.
 *
 * <p>One budget for the whole job: within a JVM, every reader of a workspace draws on one {@link
 * SharedBudgets} pacer. Across executors the rate is split evenly: each executor's JVM paces at
 * {@code requestsPerHour / executors}, so the sum never exceeds the budget. A permit service on the
 * driver would let a busy executor borrow an idle one's share, but it needs an RPC endpoint that
 * outlives tasks and fails with the driver; an even split needs nothing, and since windows are
 * dealt evenly the executors are about equally busy. A 429 holds off only the executor that got it
 * (its JVM's budget); the others are already under their share.
 */
final class RunsBatch implements Batch {

  private final SourceOptions options;
  private final ReadConcurrency concurrency;
  private final StructType schema;
  private SourceMetrics metrics;
  private InputPartition[] planned;

  RunsBatch(SourceOptions options, ReadConcurrency concurrency, StructType schema) {
    this.options = options;
    this.concurrency = concurrency;
    this.schema = schema;
  }

  @Override
  public InputPartition[] planInputPartitions() {
    if (planned == null) {
      planned = plan();
    }
    return planned.clone();
  }

  private InputPartition[] plan() {
    SparkContext sc = SparkSession.active().sparkContext();
    List<RunsWindow> windows =
        concurrency.planned() != null
            ? concurrency.planned()
            : plan(
                    options,
                    parallelism(sc),
                    concurrency.windows(),
                    stats -> metrics().client(stats))
                .windows();
    InputPartition[] groups = groups(options, concurrency, windows, sc);
    metrics().planned(windows.size());
    return groups;
  }

  private int parallelism(SparkContext sc) {
    return concurrency.parallelismFor(slots(sc));
  }

  private static int slots(SparkContext sc) {
    return Math.max(1, sc.defaultParallelism());
  }

  /**
   * The tasks that read {@code windows} on {@code sc}: one group per task slot (at most one per
   * window in flight), each paced at its executor's share of the budget. {@link RunsPrefetch}
   * starts the same groups early, so this must stay a function of its arguments.
   */
  static RunsWindowGroup[] groups(
      SourceOptions options,
      ReadConcurrency concurrency,
      List<RunsWindow> windows,
      SparkContext sc) {
    int slots = slots(sc);
    int parallelism = concurrency.parallelismFor(slots);
    int executors = sc.isLocal() ? 1 : Math.max(1, sc.getExecutorMemoryStatus().size() - 1);
    int share = Math.max(1, options.api().requestsPerHour() / executors);
    return group(windows, Math.min(slots, parallelism), parallelism, share);
  }

  /** The windows of {@code options}' range, planned on the driver under the shared budget. */
  static WindowPlanner.Plan plan(
      SourceOptions options, int parallelism, int pinned, Consumer<ClientStats> cost) {
    int perHour = options.api().requestsPerHour();
    RequestBudget runs = SharedBudgets.of(options.api(), perHour);
    RequestBudget flows = SharedBudgets.of(options.api(), ThrottleScope.DEFAULT, perHour);
    try (RunsClient client = new RunsClient(options.api(), runs, flows)) {
      WindowPlanner.Plan plan =
          new WindowPlanner(client, perHour).plan(options, parallelism, pinned);
      cost.accept(client.stats());
      return plan;
    }
  }

  /** Deals windows round-robin (neighbours in time to different tasks, spreading dense spells). */
  static RunsWindowGroup[] group(
      List<RunsWindow> windows, int tasks, int parallelism, int requestsPerHour) {
    int count = Math.max(0, Math.min(tasks, windows.size()));
    List<List<RunsWindow>> dealt = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      dealt.add(new ArrayList<>());
    }
    for (int i = 0; i < windows.size(); i++) {
      dealt.get(i % count).add(windows.get(i));
    }
    int threads = Math.max(1, (parallelism + count - 1) / Math.max(1, count));
    RunsWindowGroup[] groups = new RunsWindowGroup[count];
    for (int g = 0; g < count; g++) {
      groups[g] =
          new RunsWindowGroup(
              g, dealt.get(g), Math.min(threads, dealt.get(g).size()), requestsPerHour);
    }
    return groups;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new RunsReaderFactory(options, schema, metrics());
  }

  private SourceMetrics metrics() {
    if (metrics == null) {
      metrics = SourceMetrics.register(options.pullId());
    }
    return metrics;
  }
}
