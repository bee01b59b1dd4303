package io.flowlake.cli;

import io.flowlake.pull.PullStage;
import io.flowlake.source.SourceMetrics;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A live progress line while a pull runs: pages, runs, request rate against the budget and an ETA
 * (when the flows endpoint told how many runs to expect). Redrawn in place on a terminal; a plain
 * log line every 15 seconds otherwise, so cron mail and CI logs stay readable.
 */
final class ProgressLine implements AutoCloseable, PullStage.Listener {

  private final String pullId;
  private final long expectedRuns;
  private final double budgetPerSecond;
  private final PrintStream out;
  private final boolean terminal;
  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile String stage = "pulling";

  ProgressLine(String pullId, long expectedRuns, int requestsPerHour, PrintStream out) {
    this.pullId = pullId;
    this.expectedRuns = expectedRuns;
    this.budgetPerSecond = requestsPerHour / 3600.0;
    this.out = out;
    this.terminal = System.console() != null;
    this.thread = new Thread(this::loop, "flowlake-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long period = terminal ? 500 : 15_000;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(period);
        String line = line();
        if (terminal) {
          out.print("\r" + line + "   ");
        } else {
          out.println(line);
        }
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String line() {
    SourceMetrics.Live live = SourceMetrics.live(pullId);
    long pages = live.pages.get();
    long runs = live.runs.get();
    double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
    double perSecond = pages / seconds;
    if (!stage.equals("pulling")) {
      return String.format("%s (%.0f s)", stage, seconds);
    }
    StringBuilder line =
        new StringBuilder(
            String.format(
                "pulling: %,d pages, %,d runs, %.1f req/s (budget %.1f/s)",
                pages, runs, perSecond, budgetPerSecond));
    if (expectedRuns > 0 && runs > 0 && runs < expectedRuns) {
      long remaining = (long) ((expectedRuns - runs) / (runs / seconds));
      line.append(String.format(", ~%d%% , ETA %s", runs * 100 / expectedRuns, clock(remaining)));
    }
    return line.toString();
  }

  /** Pages are in; the rest of the pull is Spark work on the lake. */
  @Override
  public void completed(PullStage done) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String next =
        switch (done) {
          case FETCHED -> "merging runs into the lake";
          case RUNS_MERGED -> "rebuilding run_values";
          case RUN_VALUES_REFRESHED -> "keeping rejects";
          case REJECTS_KEPT -> "recording the watermark";
          case STATE_COMMITTED -> "done";
        };
    if (!terminal) {
      out.printf("%s after %.1f s%n", done.name().toLowerCase(java.util.Locale.ROOT), seconds);
    }
    stage = next;
  }

  private static String clock(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  @Override
  public void close() {
    thread.interrupt();
    if (terminal) {
      out.print("\r" + " ".repeat(100) + "\r");
      out.flush();
    }
  }
}
