package io.flowlake.source;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * What one Spark task reads: several windows, {@code threads} of them at a time, each window by its
 * own cursor. A failed task is retried with the same group, so it re-reads only these windows.
 *
 * @param requestsPerHour this task's executor's share of the workspace budget (see {@link
 *     RunsBatch})
 */
record RunsWindowGroup(int index, List<RunsWindow> windows, int threads, int requestsPerHour)
    implements InputPartition {

  RunsWindowGroup {
    windows = List.copyOf(windows);
  }
}
