package io.flowlake.warehouse;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a few tasks at once, the first on the caller's thread and each other on a thread of its own,
 * and waits for all of them: a task's failure does not stop the others mid-way (each ends its own
 * transaction), and the first failure is thrown after the last has ended, as it was thrown.
 */
final class SideBySide {

  /** One task; {@code index} is the item's place in the list. */
  interface Task<T, R> {
    R run(T item, int index) throws SQLException;
  }

  private SideBySide() {}

  /** The tasks' results, in the items' order. */
  static <T, R> List<R> run(List<T> items, Task<T, R> task) throws SQLException {
    if (items.isEmpty()) {
      return List.of();
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, items.size() - 1),
            r -> {
              Thread t = new Thread(r, "flowlake-export-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> others = new ArrayList<>();
      for (int i = 1; i < items.size(); i++) {
        int index = i;
        others.add(pool.submit(() -> task.run(items.get(index), index)));
      }
      List<R> results = new ArrayList<>();
      Throwable first = null;
      try {
        results.add(task.run(items.get(0), 0));
      } catch (SQLException | RuntimeException | Error e) {
        first = e;
      }
      for (Future<R> other : others) {
        try {
          results.add(awaited(other));
        } catch (SQLException | RuntimeException | Error e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw rethrown(first);
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  private static <R> R awaited(Future<R> task) throws SQLException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true; // the task holds a transaction: let it end, then say so
        } catch (ExecutionException e) {
          throw rethrown(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static SQLException rethrown(Throwable e) {
    if (e instanceof SQLException sql) {
      return sql;
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (e instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException(e.getMessage(), e); // a task throws nothing else
  }
}
