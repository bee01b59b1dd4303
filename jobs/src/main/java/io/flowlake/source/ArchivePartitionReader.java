package io.flowlake.source;

import io.flowlake.api.ArchiveDownload;
import io.flowlake.api.ArchiveInfo;
import io.flowlake.api.ArchiveRecordParser;
import io.flowlake.api.RecordFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one archive: downloads and checks it whole on the first {@code next()} (so a bad archive
 * fails before any of its rows exist), then yields a row per line, streaming, or a reject row
 * naming the archive and line. {@code close()} is idempotent and removes the local copy.
 */
final class ArchivePartitionReader implements PartitionReader<InternalRow> {

  private final ArchiveSourceOptions options;
  private final ArchiveInfo archive;
  private final RunRowWriter writer;
  private final SourceMetrics metrics;
  private ArchiveDownload download;
  private BufferedReader lines;
  private InternalRow current;
  private long lineNumber;
  private int runs;
  private int rejects;
  private boolean closed;

  ArchivePartitionReader(
      ArchiveSourceOptions options, ArchiveInfo archive, StructType schema, SourceMetrics metrics) {
    this.options = options;
    this.archive = archive;
    this.writer = new RunRowWriter(schema);
    this.metrics = metrics;
  }

  @Override
  public boolean next() throws IOException {
    if (lines == null) {
      download = ArchiveDownload.fetch(archive, options.api());
      lines = download.lines();
    }
    String line = lines.readLine();
    while (line != null && line.isEmpty()) {
      lineNumber++;
      line = lines.readLine();
    }
    if (line == null) {
      return false;
    }
    lineNumber++;
    try {
      current = writer.run(ArchiveRecordParser.parse(line));
      runs++;
    } catch (RecordFormatException e) {
      current =
          writer.reject(line, e.getMessage(), "archive " + archive.name() + " line " + lineNumber);
      rejects++;
    }
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // an archive download goes to the storage host, not the API: it spends none of the budget
    metrics.page(runs, rejects, 0);
    try {
      if (lines != null) {
        lines.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close archive " + archive.name(), e);
    } finally {
      if (download != null) {
        download.close();
      }
    }
  }
}
