package io.flowlake.source;

import io.flowlake.api.RejectedRecord;
import io.flowlake.api.RunPage;
import io.flowlake.api.RunRecord;
import io.flowlake.api.RunsClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Walks one window page by page (oldest first, fixed upper bound), yielding a row per run and a
 * reject row per record the parser refused. Opens its client lazily; {@code close()} is idempotent.
 */
final class RunsPartitionReader implements PartitionReader<InternalRow> {

  private final SourceOptions options;
  private final RunsWindow window;
  private final RunRowWriter writer;
  private final boolean paths;
  private final SourceMetrics metrics;
  private RunsClient client;
  private Iterator<RunPage> pages;
  private Iterator<InternalRow> rows = java.util.Collections.emptyIterator();
  private InternalRow current;
  private boolean closed;

  RunsPartitionReader(
      SourceOptions options, RunsWindow window, StructType schema, SourceMetrics metrics) {
    this.options = options;
    this.window = window;
    this.writer = new RunRowWriter(schema);
    this.paths = RunColumns.needsPath(schema);
    this.metrics = metrics;
  }

  @Override
  public boolean next() {
    if (pages == null) {
      client = new RunsClient(options.api());
      pages = client.pages(options.query(window.after(), window.before(), paths));
    }
    while (!rows.hasNext()) {
      if (!pages.hasNext()) {
        return false;
      }
      rows = rowsOf(pages.next());
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
    metrics.page(page.runs().size(), page.rejects().size());
    return out.iterator();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client != null) {
      metrics.client(client.stats());
      client.close();
    }
  }
}
