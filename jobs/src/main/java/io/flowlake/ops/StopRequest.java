package io.flowlake.ops;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import sun.misc.Signal;

/**
 * A stop asked of this process by SIGINT (Ctrl-C) or SIGTERM (a scheduler's timeout, {@code kill}).
 *
 * <p>Left to the JVM, either signal runs the shutdown hooks at once: Spark stops under the running
 * command, which then fails with an internal error, keeps the lake's lock and writes no report.
 * Instead the first signal cancels the Spark jobs and interrupts the command's thread, so the
 * command unwinds the way any failure does (the lock released, the run's report written) and the
 * process exits {@code 128 + signal} as a shell expects. A second signal ends the process at once.
 * Every write to the lake is one atomic commit, so stopping between two of them loses nothing.
 */
public final class StopRequest {

  private static final AtomicReference<Signal> received = new AtomicReference<>();
  // guarded by StopRequest.class: a stop and its acknowledgement may race
  private static RepeatedInterrupt interrupts;
  private static boolean acknowledged;

  private StopRequest() {}

  /** Handles SIGINT and SIGTERM for the command running on {@code commandThread}. */
  public static void install(Thread commandThread) {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), signal -> stop(signal, commandThread));
    }
  }

  /** The signal's name ({@code INT}, {@code TERM}) if a stop was asked. */
  public static Optional<String> signal() {
    return Optional.ofNullable(received.get()).map(Signal::getName);
  }

  /** {@code 128 + signal number}: 130 for SIGINT, 143 for SIGTERM, as shells report them. */
  public static int exitCode() {
    Signal signal = received.get();
    return signal == null ? 1 : 128 + signal.getNumber();
  }

  /**
   * Called by the command's thread once it has begun to unwind: from then on it is left alone, to
   * release the lock and write the report. When this returns no interrupt is pending or to come.
   */
  public static void acknowledge() {
    RepeatedInterrupt running;
    synchronized (StopRequest.class) {
      acknowledged = true;
      running = interrupts;
    }
    if (running != null) {
      running.acknowledge(); // outside the lock: it waits for the last interrupt
    }
    Thread.interrupted();
  }

  private static void stop(Signal signal, Thread commandThread) {
    if (!received.compareAndSet(null, signal)) {
      Runtime.getRuntime().halt(128 + signal.getNumber());
    }
    // What Spark, Delta and Hadoop log about their work being cancelled (aborted tasks, their
    // stack traces) is not news: the command says in one line that it stopped, and why.
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
    // One interrupt is not enough: library code (Delta's commit, Hadoop's I/O) may swallow it, and
    // a job submitted after a cancel runs unless cancelled too. So keep at it until the command
    // acknowledges the stop; every wait of flowlake's own (pacing, retries, pages) ends on it.
    synchronized (StopRequest.class) {
      if (acknowledged) {
        return;
      }
      interrupts = new RepeatedInterrupt(commandThread, StopRequest::cancelSparkJobs);
      interrupts.start();
    }
  }

  private static void cancelSparkJobs() {
    SparkSession.getDefaultSession()
        .foreach(
            spark -> {
              spark.sparkContext().cancelAllJobs();
              return null;
            });
  }
}
