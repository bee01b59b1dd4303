package io.flowlake.warehouse;

import io.flowlake.lake.ScopedSettings;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A Dataset's rows as chunks of COPY CSV ({@link CsvChunks}), partition by partition like {@code
 * toLocalIterator}, but with the next partition's Spark job running while the caller writes the
 * current one to PostgreSQL, so Spark and the database work at the same time. The driver holds at
 * most two partitions; callers size partitions for that ({@link #PARTITION_ROWS}).
 */
final class PrefetchedChunks implements Iterator<byte[]>, AutoCloseable {

  /**
   * Rows per partition sent: a few tens of MB of text on the driver at most (a run with its path
   * and values is about 1 KB). Counted in rows, not lake bytes: Parquet compresses these tables
   * tenfold, and in local mode the tasks share the driver's heap.
   */
  static final long PARTITION_ROWS = 20_000;

  private static final String MAX_PARTITION_BYTES = "spark.sql.files.maxPartitionBytes";
  private static final String OPEN_COST = "spark.sql.files.openCostInBytes";

  private final JavaRDD<byte[]> rdd;
  private final int partitions;
  private final ExecutorService ahead =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "flowlake-export-prefetch");
            t.setDaemon(true);
            return t;
          });
  private Future<List<byte[]>> next;
  private Iterator<byte[]> current = Collections.emptyIterator();
  private int partition;

  /**
   * @param splitBytes the lake files' split size while the scan is planned (Spark's {@code
   *     spark.sql.files.maxPartitionBytes}, restored after), so partitions come out small enough;
   *     empty for Spark's own, where a shuffle sizes the partitions (a batch of net changes). While
   *     it applies, a file counts as its bytes alone ({@code spark.sql.files.openCostInBytes} 0):
   *     at Spark's 4 MB a lake's many small files (one per month and writing task) would each make
   *     a partition, so a Spark job, of their own.
   */
  PrefetchedChunks(Dataset<Row> rows, OptionalLong splitBytes) {
    Map<String, String> split =
        splitBytes.isPresent()
            ? Map.of(MAX_PARTITION_BYTES, String.valueOf(splitBytes.getAsLong()), OPEN_COST, "0")
            : Map.of();
    this.rdd =
        ScopedSettings.during(
            rows.sparkSession(),
            split,
            () -> {
              JavaRDD<byte[]> planned = CsvChunks.of(rows);
              planned.getNumPartitions(); // plans the scan now, under this split size
              return planned;
            });
    this.partitions = rdd.getNumPartitions();
    this.next = fetch(0);
  }

  private Future<List<byte[]>> fetch(int p) {
    if (p >= partitions) {
      return null;
    }
    return ahead.submit(() -> rdd.collectPartitions(new int[] {p})[0]);
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (next == null) {
        return false;
      }
      List<byte[]> lines;
      try {
        lines = next.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the lake", e);
      }
      next = fetch(++partition);
      current = lines.iterator();
    }
    return true;
  }

  @Override
  public byte[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  @Override
  public void close() {
    ahead.shutdownNow();
  }
}
