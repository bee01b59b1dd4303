package io.flowlake.source;

import io.flowlake.api.ClientStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The windows a {@code rapidpro} read with these options would plan, for a pull that reads them a
 * chunk at a time (passing each chunk back as {@link ReadConcurrency#WINDOW_EDGES}), and what the
 * planning cost: its requests count against the budget like any other.
 */
public record RunsReadPlan(List<RunsWindow> windows, long requests, long throttled, long retries) {

  public RunsReadPlan {
    windows = List.copyOf(windows);
  }

  public static RunsReadPlan of(Map<String, String> sourceOptions) {
    SourceOptions options = SourceOptions.parse(sourceOptions, Instant.now());
    ReadConcurrency concurrency = ReadConcurrency.parse(sourceOptions);
    int slots = Math.max(1, SparkSession.active().sparkContext().defaultParallelism());
    ClientStats[] cost = new ClientStats[1];
    List<RunsWindow> windows =
        RunsBatch.plan(
            options,
            concurrency.parallelismFor(slots),
            concurrency.windows(),
            stats -> cost[0] = stats);
    return new RunsReadPlan(windows, cost[0].requests(), cost[0].throttled(), cost[0].retries());
  }
}
