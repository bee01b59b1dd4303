package io.flowlake.source;

import io.flowlake.api.RejectedRecord;
import io.flowlake.api.RunPage;
import io.flowlake.api.RunRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one group of windows, each page by page (oldest first, fixed upper bound), several windows
 * at once ({@link WindowPageFeed}), all under this JVM's shared budget; yields a row per run and a
 * reject row per record the parser refused. Its fetch starts with {@link #start} (else on the first
 * {@link #next}), or was started before the task by {@link RunsPrefetch}; {@code close()} is
 * idempotent.
 */
final class RunsPartitionReader implements PartitionReader<InternalRow> {

  private final SourceOptions options;
  private final RunsWindowGroup group;
  private final RunRowWriter writer;
  private final boolean paths;
  private final SourceMetrics metrics;
  private GroupFetch fetch;
  private long requestsCounted;
  private Iterator<InternalRow> rows = Collections.emptyIterator();
  private InternalRow current;
  private boolean closed;

  RunsPartitionReader(
      SourceOptions options, RunsWindowGroup group, StructType schema, SourceMetrics metrics) {
    this.options = options;
    this.group = group;
    this.writer = new RunRowWriter(schema);
    this.paths = RunColumns.needsPath(schema);
    this.metrics = metrics;
  }

  /** Takes the group's early fetch if one was started, else starts fetching; idempotent. */
  void start() {
    if (fetch != null || closed) {
      return;
    }
    fetch =
        RunsPrefetch.claim(options.pullId(), group, GroupFetch.queries(options, group, paths))
            .orElseGet(() -> GroupFetch.start(options, group, paths, 0));
  }

  @Override
  public boolean next() {
    start();
    if (fetch == null) {
      return false; // closed
    }
    while (!rows.hasNext()) {
      RunPage page = fetch.next(metrics::windowDone);
      if (page == null) {
        return false;
      }
      rows = rowsOf(page);
    }
    current = rows.next();
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  private Iterator<InternalRow> rowsOf(RunPage page) {
    List<InternalRow> out = new ArrayList<>(page.runs().size() + page.rejects().size());
    for (RunRecord run : page.runs()) {
      out.add(writer.run(run));
    }
    for (RejectedRecord rejected : page.rejects()) {
      out.add(writer.reject(rejected.raw(), rejected.reason(), page.url()));
    }
    long requests = fetch.stats().requests();
    metrics.page(page.runs().size(), page.rejects().size(), requests - requestsCounted);
    requestsCounted = requests;
    return out.iterator();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (fetch != null) {
      metrics.client(fetch.stats());
      fetch.close();
    }
  }
}
