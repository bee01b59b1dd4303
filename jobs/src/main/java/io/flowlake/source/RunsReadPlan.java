package io.flowlake.source;

import io.flowlake.api.ClientStats;
import io.flowlake.api.FlowSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The windows a {@code rapidpro} read with these options would plan, for a pull that reads them a
 * chunk at a time (passing each chunk back as {@link ReadConcurrency#WINDOW_EDGES}), and what the
 * planning cost: its requests count against the budget like any other.
 *
 * @param flows flows.json's listing if planning asked for it (a read from the beginning does), so a
 *     pull can check its counts against it without asking again
 */
public record RunsReadPlan(
    List<RunsWindow> windows,
    long requests,
    long throttled,
    long retries,
    Optional<List<FlowSummary>> flows) {

  public RunsReadPlan {
    windows = List.copyOf(windows);
  }

  public static RunsReadPlan of(Map<String, String> sourceOptions) {
    SourceOptions options = SourceOptions.parse(sourceOptions, Instant.now());
    ReadConcurrency concurrency = ReadConcurrency.parse(sourceOptions);
    int slots = Math.max(1, SparkSession.active().sparkContext().defaultParallelism());
    ClientStats[] cost = new ClientStats[1];
    WindowPlanner.Plan plan =
        RunsBatch.plan(
            options,
            concurrency.parallelismFor(slots),
            concurrency.windows(),
            stats -> cost[0] = stats);
    return new RunsReadPlan(
        plan.windows(),
        cost[0].requests(),
        cost[0].throttled(),
        cost[0].retries(),
        Optional.ofNullable(plan.flows()));
  }
}
