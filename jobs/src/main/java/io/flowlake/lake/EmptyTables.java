package io.flowlake.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;

/**
 * Creates, empty, the tables a pull documents but may have had nothing to put in yet ({@code
 * rejects} before the first reject, {@code tombstones} before the first deletion, {@code runs} of
 * an empty workspace), so that a query, a notebook or an export of any documented table works on a
 * healthy lake from its first pull on.
 *
 * <p>Creating a Delta table is seconds of driver-side work (its first commit, its checksum, the log
 * listing) and almost no Spark task, and nothing else writes these tables before the runs land: a
 * pull creates the missing ones on a thread of its own while it fetches ({@link
 * #startCreatingMissing}), which mostly waits on the API, instead of after it.
 */
public final class EmptyTables {

  /** How often a creation waiting for its moment asks again. */
  static final long POLL_MILLIS = 50;

  private EmptyTables() {}

  /**
   * Creates each of the lake's run-side tables that does not exist yet; leaves the others alone.
   */
  public static void createMissing(SparkSession spark, LakePaths paths) {
    try (Creation creation = startCreatingMissing(spark, paths)) {
      creation.await();
    }
  }

  /**
   * Starts creating, on a thread of their own, the run-side tables that do not exist yet, and
   * returns at once. Nothing may write those tables before {@link Creation#await} returns. The
   * thread is started by the calling one, so it inherits its Spark local properties (a stop's
   * cancel reaches its jobs).
   */
  public static Creation startCreatingMissing(SparkSession spark, LakePaths paths) {
    return startCreatingMissing(spark, paths, () -> true);
  }

  /**
   * As {@link #startCreatingMissing(SparkSession, LakePaths)}, but the thread waits to create until
   * {@code when} says so (asked every {@value #POLL_MILLIS} ms), or until {@link Creation#await}. A
   * pull passes "its first page has arrived": before that, the driver is planning the fetch's Spark
   * job and its tasks are starting, class loading and code generation that the creation (the JVM's
   * first Delta commits) would slow down on a small machine; after it, the fetch mostly waits on
   * the API. A creation still waiting when the work fails ({@link Creation#close} without {@link
   * Creation#await}) creates nothing.
   */
  public static Creation startCreatingMissing(
      SparkSession spark, LakePaths paths, BooleanSupplier when) {
    // a listing of each _delta_log, not Delta's isDeltaTable: that opens a snapshot per table
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    List<BiConsumer<SparkSession, LakePaths>> missing = new ArrayList<>();
    if (!log.isTable(paths.runs())) {
      missing.add(LakeTableCreator::runs);
    }
    if (!log.isTable(paths.runValues())) {
      missing.add(LakeTableCreator::runValues);
    }
    if (!log.isTable(paths.rejects())) {
      missing.add(LakeTableCreator::rejects);
    }
    if (!log.isTable(paths.tombstones())) {
      missing.add(LakeTableCreator::tombstones);
    }
    if (missing.isEmpty()) {
      return Creation.none();
    }
    Creation creation = new Creation();
    // One after the other on one thread: the fetch it overlaps needs the cores more than it does.
    // No snapshot is computed here: in local mode its Spark jobs would queue behind the fetch's
    // tasks, which hold every slot, and so run after the fetch, on the pull's path.
    creation.thread =
        new Thread(
            () -> {
              try {
                if (creation.waitUntil(when)) {
                  missing.forEach(create -> create.accept(spark, paths));
                }
              } catch (Throwable e) { // Spark's exceptions are checked ones thrown from Scala
                creation.failure = e;
              }
            },
            "flowlake-create-tables");
    creation.thread.setDaemon(true);
    creation.thread.start();
    return creation;
  }

  /**
   * Tables being created. {@link #await} waits for them and rethrows the first failure; {@link
   * #close} drops those not begun and waits for the others, so that no table is written after a
   * failed pull has returned.
   */
  public static final class Creation implements AutoCloseable {

    private Thread thread;
    private volatile Throwable failure;
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile boolean wanted = true;

    private Creation() {}

    /** Whether to create: true once {@code when} holds or {@link #await} asks, false on close. */
    private boolean waitUntil(BooleanSupplier when) throws InterruptedException {
      while (!when.getAsBoolean()) {
        if (decided.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          break;
        }
      }
      return wanted;
    }

    /** Nothing to create: for a landing whose caller created the tables. */
    public static Creation none() {
      return new Creation();
    }

    /** Waits until every table is created; throws the first creation's failure, if any. */
    public void await() {
      decided.countDown();
      join();
      Throwable failed = failure;
      if (failed instanceof RuntimeException e) {
        throw e;
      }
      if (failed instanceof Error e) {
        throw e;
      }
      if (failed != null) {
        throw new IllegalStateException(
            "creating the lake's tables failed: " + failed.getMessage(), failed);
      }
    }

    /**
     * Waits until the creations end, even when interrupted (a stop cancels their Spark jobs, and a
     * creation is one commit), and then sets the interrupt flag again; creations not begun yet are
     * dropped.
     */
    @Override
    public void close() {
      if (decided.getCount() > 0) {
        wanted = false;
        decided.countDown();
      }
      join();
    }

    private void join() {
      boolean interrupted = false;
      while (thread != null && thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
