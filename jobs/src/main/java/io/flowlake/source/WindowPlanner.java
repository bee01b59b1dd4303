package io.flowlake.source;

import io.flowlake.api.FlowSummary;
import io.flowlake.api.RunPage;
import io.flowlake.api.RunRecord;
import io.flowlake.api.RunsClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts a read's [after, before] into {@code modified_on} windows of about equal run counts, on the
 * driver, for a few requests: the oldest page of the range (which says where the runs start and,
 * from how much time its 250 runs span, how dense they are) and {@code /api/v2/flows.json} (whose
 * per-flow counts say how many runs a full read will meet).
 *
 * <p>Windows share their edges: both bounds are inclusive in the API (docs/rapidpro-api.md §2.6),
 * so a run whose {@code modified_on} is an edge is read by both windows and the merge keeps one.
 * That is what makes the split safe however many runs share one timestamp.
 */
final class WindowPlanner {

  static final int RUNS_PER_PAGE = 250;

  /**
   * Pages a window should hold: each window costs about half a page more than its runs need (its
   * last page is partial), so windows of ~6 pages cost under 10% extra requests, yet there are
   * enough of them that the last ones to finish leave little idle time.
   */
  static final int PAGES_PER_WINDOW = 6;

  private final RunsClient client;

  WindowPlanner(RunsClient client) {
    this.client = client;
  }

  /** The windows of {@code options}' range; {@code pinned} > 0 fixes their number. */
  List<RunsWindow> plan(SourceOptions options, int parallelism, int pinned) {
    Instant after = options.after();
    Instant before = options.before();
    if (after != null && after.isAfter(before)) {
      return List.of(); // a pushed-down range that can hold nothing
    }
    List<RunsWindow> whole = List.of(new RunsWindow(0, after, before));
    if (options.uuid() != null || options.contact() != null) {
      return whole; // a handful of runs at most
    }
    Iterator<RunPage> pages = client.pages(options.query(after, before, false));
    RunPage oldest = pages.hasNext() ? pages.next() : null;
    if (oldest == null || oldest.next() == null || oldest.runs().isEmpty()) {
      return whole; // one page holds the whole range
    }
    Instant first = oldest.runs().get(0).modifiedOn();
    long expected = expectedRuns(options, oldest, first);
    int count = pinned > 0 ? pinned : windowCount(expected, parallelism);
    return split(after, first, before, count);
  }

  /**
   * How many windows: enough for every reader to have work ({@code parallelism}), few enough that
   * each holds about {@link #PAGES_PER_WINDOW} pages, at most four per reader.
   */
  static int windowCount(long expectedRuns, int parallelism) {
    long pages = Math.max(1, (expectedRuns + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE);
    long bySize = (pages + PAGES_PER_WINDOW - 1) / PAGES_PER_WINDOW;
    long count = Math.max(parallelism, Math.min(4L * parallelism, bySize));
    return (int) Math.max(1, Math.min(pages, count));
  }

  /**
   * {@code count} windows of equal length from {@code first} (the oldest run in range) to {@code
   * before}; the first keeps the read's own lower bound, so nothing older can slip past. Windows
   * too short to split (fewer microseconds than windows) are merged.
   */
  static List<RunsWindow> split(Instant after, Instant first, Instant before, int count) {
    long lo = micros(first);
    long span = micros(before) - lo;
    List<RunsWindow> windows = new ArrayList<>();
    Instant from = after;
    long previous = lo;
    for (int i = 1; i <= count; i++) {
      long edge = i == count ? micros(before) : lo + Math.floorDiv(span * i, count);
      if (i < count && edge <= previous) {
        continue;
      }
      Instant to = i == count ? before : Instant.EPOCH.plus(edge, ChronoUnit.MICROS);
      windows.add(new RunsWindow(windows.size(), from, to));
      from = to;
      previous = edge;
    }
    return windows;
  }

  /**
   * A full read meets every run flows.json counts (of the one flow asked for, if any); a read from
   * a later {@code after} meets about as many as the oldest page's density says, never more.
   */
  private long expectedRuns(SourceOptions options, RunPage oldest, Instant first) {
    long counted = 0;
    for (FlowSummary flow : client.flows()) {
      if (options.flow() == null || options.flow().equals(flow.uuid())) {
        counted += flow.runs().values().stream().mapToLong(Long::longValue).sum();
      }
    }
    if (options.after() == null) {
      return counted;
    }
    List<RunRecord> runs = oldest.runs();
    Duration spanned = Duration.between(first, runs.get(runs.size() - 1).modifiedOn());
    if (spanned.isZero()) {
      return counted; // a page of one timestamp says nothing about density
    }
    double perMicro = runs.size() / (double) (spanned.toNanos() / 1000);
    long byDensity = (long) (perMicro * (micros(options.before()) - micros(first)));
    return Math.min(counted, Math.max(runs.size(), byDensity));
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }
}
