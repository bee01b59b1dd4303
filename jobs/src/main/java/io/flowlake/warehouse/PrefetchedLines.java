package io.flowlake.warehouse;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;

/**
 * A Dataset's rows as COPY CSV lines ({@link CsvLines}), partition by partition like {@code
 * toLocalIterator}, but with the next partition's Spark job running while the caller writes the
 * current one to PostgreSQL, so Spark and the database work at the same time. The driver holds at
 * most two partitions; callers size partitions for that ({@link #PARTITION_ROWS}).
 */
final class PrefetchedLines implements Iterator<String>, AutoCloseable {

  /**
   * Rows per partition sent: a few tens of MB of text on the driver at most (a run with its path
   * and values is about 1 KB). Counted in rows, not lake bytes: Parquet compresses these tables
   * tenfold, and in local mode the tasks share the driver's heap.
   */
  static final long PARTITION_ROWS = 20_000;

  private final JavaRDD<String> rdd;
  private final int partitions;
  private final ExecutorService ahead =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "flowlake-export-prefetch");
            t.setDaemon(true);
            return t;
          });
  private Future<List<String>> next;
  private Iterator<String> current = Collections.emptyIterator();
  private int partition;

  /**
   * @param splitBytes the lake files' split size while the scan is planned (Spark's {@code
   *     spark.sql.files.maxPartitionBytes}, restored after), so partitions come out small enough;
   *     empty for Spark's own, where a shuffle sizes the partitions (a batch of net changes)
   */
  PrefetchedLines(Dataset<Row> rows, CsvLines format, OptionalLong splitBytes) {
    RuntimeConfig conf = rows.sparkSession().conf();
    String key = "spark.sql.files.maxPartitionBytes";
    String before = conf.get(key);
    splitBytes.ifPresent(bytes -> conf.set(key, String.valueOf(bytes)));
    try {
      this.rdd = rows.toJavaRDD().map(format);
      this.rdd.getNumPartitions(); // plans the scan now, under this split size
    } finally {
      conf.set(key, before);
    }
    this.partitions = rdd.getNumPartitions();
    this.next = fetch(0);
  }

  private Future<List<String>> fetch(int p) {
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
      List<String> lines;
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
  public String next() {
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
