package io.flowlake.cli;

import io.flowlake.lake.Erasure;
import io.flowlake.pull.PullStage;
import io.flowlake.source.SourceMetrics;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A live progress line while a pull runs: windows done of those planned, runs, the request rate of
 * the last 10 seconds against the budget (so a stall shows at once, which a rate since start-up
 * hides) and an ETA. Redrawn in place on a terminal; a plain log line every 15 seconds otherwise,
 * so cron mail and CI logs stay readable. It runs from the pull's start to its end, for one pull.
 */
final class ProgressLine implements PullStage.Listener {

  private static final long SAMPLE_MILLIS = 500;

  private final long expectedRuns;
  private final double budgetPerSecond;
  private final PrintStream out;
  private final boolean terminal;
  private String pullId;
  private long startNanos = System.nanoTime();
  private Thread thread;
  private volatile String stage = "pulling";
  private final RollingRate rate = new RollingRate(Duration.ofSeconds(10));

  ProgressLine(long expectedRuns, int requestsPerHour, PrintStream out) {
    this.expectedRuns = expectedRuns;
    this.budgetPerSecond = requestsPerHour / 3600.0;
    this.out = out;
    this.terminal = System.console() != null;
  }

  @Override
  public void started(String pullId) {
    this.pullId = pullId;
    this.startNanos = System.nanoTime();
    thread = new Thread(this::loop, "flowlake-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long printEvery = terminal ? 1 : 30; // samples of 500 ms: redraw, or a log line each 15 s
    long samples = 0;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(SAMPLE_MILLIS);
        rate.sample(System.nanoTime(), SourceMetrics.live(pullId).requests.get());
        if (++samples % printEvery != 0) {
          continue;
        }
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
    long runs = live.runs.get();
    long planned = live.windowsPlanned.get();
    long done = live.windowsDone.get();
    double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
    if (!stage.equals("pulling")) {
      return String.format("%s (%.0f s)", stage, seconds);
    }
    StringBuilder line =
        new StringBuilder(
            String.format(
                "pulling: %d/%d windows, %,d runs, %.1f req/s (budget %.1f/s)",
                done, planned, runs, rate.perSecond(), budgetPerSecond));
    double fraction = fractionDone(runs, done, planned);
    if (fraction > 0 && fraction < 1) {
      long remaining = (long) (seconds * (1 - fraction) / fraction);
      line.append(String.format(", ~%d%%, ETA %s", (long) (fraction * 100), clock(remaining)));
    }
    return line.toString();
  }

  /** By runs when flows.json told how many to expect, else by windows finished. */
  private double fractionDone(long runs, long windowsDone, long windowsPlanned) {
    if (expectedRuns > 0 && runs > 0) {
      return Math.min(1, runs / (double) expectedRuns);
    }
    return windowsPlanned > 0 ? windowsDone / (double) windowsPlanned : 0;
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
          case REJECTS_KEPT -> "finishing (contacts, watermark)";
          case CHUNK_COMMITTED -> "pulling";
          case CONTACTS_FETCHED -> "merging contacts into the lake";
          case CONTACTS_MERGED -> "recording the watermark";
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
  public void erased(Erasure.Erased erased) {
    if (erased.contacts() > 0) {
      out.printf("%s%n", ErasureReport.line("erased %,d contacts deleted in RapidPro", erased));
    }
  }

  @Override
  public void ended() {
    if (thread != null) {
      thread.interrupt();
    }
    if (terminal) {
      out.print("\r" + " ".repeat(100) + "\r");
      out.flush();
    }
  }
}
