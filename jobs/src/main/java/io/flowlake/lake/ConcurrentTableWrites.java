package io.flowlake.lake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writes independent Delta tables from a small fixed pool of threads: the marts of a wave, the
 * per-flow results tables' commits, a vacuum's tables. A table's write is a short Spark job and
 * then driver-side work (Delta's commit, its checksum, the log listing); one after the other, the
 * cores idle through the latter. A few writes in flight overlap one table's commit with the others'
 * tasks. Spark accepts jobs from several threads, and each table is its own atomic commit, so the
 * writes need no coordination.
 *
 * <p>The pool's threads are started by the calling thread and so inherit its Spark local properties
 * (a stop's cancel interrupts their tasks, {@code cli/Sparks}). A failure or an interruption of the
 * caller cancels the writes not yet started and waits for those in flight, so no table is written
 * after this returns or throws.
 */
public final class ConcurrentTableWrites {

  /**
   * Writes in flight at once: enough to keep 2 cores busy through the commits, few enough that the
   * tasks of the writes do not queue behind each other much on a small machine.
   */
  public static final int THREADS = 4;

  private ConcurrentTableWrites() {}

  /**
   * As {@link #run}, but a failed write throws what the write itself threw, as if the tables had
   * been written one after the other on the calling thread: an audit that failed, a stop, Spark's
   * or Delta's own error.
   */
  public static <T, R> Map<String, R> runAsIfInline(
      List<T> tables, Function<T, String> names, Function<T, R> write) {
    try {
      return run(tables, names, write);
    } catch (TableWriteException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * Applies {@code write} to every table, at most {@link #THREADS} at once.
   *
   * @param names each table's name, for the error that names the table that failed
   * @return what {@code write} returned for each table, in the order given
   * @throws TableWriteException when a table's write failed (the others' commits stand)
   * @throws IllegalStateException when the calling thread was interrupted (a stop): its interrupt
   *     flag is set again
   */
  public static <T, R> Map<String, R> run(
      List<T> tables, Function<T, String> names, Function<T, R> write) {
    return run(tables, names, write, THREADS);
  }

  /**
   * As {@link #run(List, Function, Function)}, {@code threads} at once: more than {@link #THREADS}
   * for writes that run no Spark tasks (commits of files already written), whose time is mostly
   * waiting on the file system.
   */
  public static <T, R> Map<String, R> run(
      List<T> tables, Function<T, String> names, Function<T, R> write, int threads) {
    AtomicInteger ids = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, Math.max(1, tables.size())),
            r -> {
              Thread thread = new Thread(r, "flowlake-table-write-" + ids.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    List<Future<R>> futures = new ArrayList<>();
    for (T table : tables) {
      futures.add(pool.submit(() -> write.apply(table)));
    }
    Map<String, R> written = new LinkedHashMap<>();
    boolean interrupted = false;
    try {
      for (int i = 0; i < tables.size(); i++) {
        String name = names.apply(tables.get(i));
        try {
          written.put(name, futures.get(i).get());
        } catch (ExecutionException e) {
          throw new TableWriteException(name, e.getCause());
        }
      }
      return written;
    } catch (InterruptedException e) {
      interrupted = true;
      throw new IllegalStateException("interrupted while writing " + tables.size() + " tables", e);
    } finally {
      futures.forEach(f -> f.cancel(false));
      stop(pool, interrupted);
    }
  }

  /**
   * Waits until the writes in flight end (the ones not started were cancelled); on a stop,
   * interrupts them first. The caller's interrupt flag is set again after the wait.
   */
  private static void stop(ExecutorService pool, boolean stopping) {
    if (stopping) {
      pool.shutdownNow();
    } else {
      pool.shutdown();
    }
    boolean interrupted = stopping | Thread.interrupted();
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        // a stop (it interrupts the command thread repeatedly): end the writes, then wait for them
        pool.shutdownNow();
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One table's write failed: names the table; the cause says why. */
  public static final class TableWriteException extends RuntimeException {

    TableWriteException(String table, Throwable cause) {
      super("writing " + table + " failed: " + cause.getMessage(), cause);
    }
  }
}
