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
 * Cuts a read's [after, before] into {@code modified_on} windows on the driver, spending as few
 * requests as it can: every window costs its partial last page, and the planning requests count
 * against the same budget as the pages. How many windows follows from the budget and the latency
 * measured on the planning requests ({@link BudgetPace}): as many cursors as keep the budget busy,
 * two windows each so the early finishers take over the tail, and no window over {@link
 * #MAX_PAGES_PER_WINDOW}. A read that needs one window asks for nothing more.
 *
 * <p>A read from the beginning asks {@code /api/v2/flows.json} (whose counts say how many runs it
 * will meet), then, only if it needs several windows, the oldest page of its range (which says
 * where the runs start). A read from a later {@code after} (an incremental pull) asks the oldest
 * page only: its runs' spread in time says how dense the range is, and flows.json is asked only if
 * that density promises several windows.
 *
 * <p>Windows share their edges: both bounds are inclusive in the API (docs/rapidpro-api.md §2.6),
 * so a run whose {@code modified_on} is an edge is read by both windows and the merge keeps one.
 * That is what makes the split safe however many runs share one timestamp.
 */
final class WindowPlanner {

  static final int RUNS_PER_PAGE = 250;

  /**
   * The most pages planned into one window: a window wastes at most one request (its partial last
   * page), so this keeps the waste under 2% at any size, while windows stay small enough to be the
   * unit of a retried task and of a pull's checkpoints.
   */
  static final int MAX_PAGES_PER_WINDOW = 64;

  /**
   * The fewest pages worth a window of their own: below this a window's partial last page costs
   * more requests (over 6%) than reading it alongside others saves time, so a read of a few pages
   * (an incremental pull) is one window.
   */
  static final int MIN_PAGES_PER_WINDOW = 8;

  /** Windows per cursor when several are in flight: the first to finish take the remaining ones. */
  static final int WINDOWS_PER_CURSOR = 2;

  /** The windows, and flows.json's listing when planning asked for it (else null). */
  record Plan(List<RunsWindow> windows, List<FlowSummary> flows) {}

  private final RunsClient client;
  private final int requestsPerHour;

  WindowPlanner(RunsClient client, int requestsPerHour) {
    this.client = client;
    this.requestsPerHour = requestsPerHour;
  }

  /** The windows of {@code options}' range; {@code pinned} > 0 fixes their number. */
  Plan plan(SourceOptions options, int parallelism, int pinned) {
    Instant after = options.after();
    Instant before = options.before();
    if (after != null && after.isAfter(before)) {
      return new Plan(List.of(), null); // a pushed-down range that can hold nothing
    }
    if (options.uuid() != null || options.contact() != null || pinned == 1) {
      return new Plan(whole(options), null); // a handful of runs at most, or asked for
    }
    return after == null
        ? fromTheStart(options, parallelism, pinned)
        : fromLater(options, parallelism, pinned);
  }

  private Plan fromTheStart(SourceOptions options, int parallelism, int pinned) {
    List<FlowSummary> flows = client.flows();
    int count = pinned > 0 ? pinned : windowCount(counted(options, flows), inFlight(parallelism));
    RunPage oldest = count == 1 ? null : oldestPage(options);
    if (oldest == null || oldest.next() == null || oldest.runs().isEmpty()) {
      return new Plan(whole(options), flows); // one window: needed, or enough for the range
    }
    return new Plan(split(null, oldest.runs().get(0).modifiedOn(), options.before(), count), flows);
  }

  private Plan fromLater(SourceOptions options, int parallelism, int pinned) {
    RunPage oldest = oldestPage(options);
    if (oldest == null || oldest.next() == null || oldest.runs().isEmpty()) {
      return new Plan(whole(options), null); // one page holds the whole range
    }
    Instant first = oldest.runs().get(0).modifiedOn();
    int count = pinned;
    List<FlowSummary> flows = null;
    if (count == 0) {
      int inFlight = inFlight(parallelism);
      long byDensity = byDensity(options, oldest, first);
      count = windowCount(byDensity, inFlight);
      if (count > 1) {
        flows = client.flows(); // a dense first page may promise more runs than there are
        count = windowCount(Math.min(counted(options, flows), byDensity), inFlight);
      }
    }
    if (count == 1) {
      return new Plan(whole(options), flows);
    }
    return new Plan(split(options.after(), first, options.before(), count), flows);
  }

  /**
   * How many windows for {@code expectedRuns} read by {@code inFlight} cursors: {@link
   * #WINDOWS_PER_CURSOR} per cursor when there are several, one per {@link #MAX_PAGES_PER_WINDOW}
   * pages at least, yet none under {@link #MIN_PAGES_PER_WINDOW} pages.
   */
  static int windowCount(long expectedRuns, int inFlight) {
    long pages = Math.max(1, (expectedRuns + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE);
    long bySize = (pages + MAX_PAGES_PER_WINDOW - 1) / MAX_PAGES_PER_WINDOW;
    long forCursors = inFlight <= 1 ? 1 : (long) WINDOWS_PER_CURSOR * inFlight;
    long atMost = Math.max(1, pages / MIN_PAGES_PER_WINDOW);
    return (int) Math.min(atMost, Math.max(bySize, forCursors));
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

  private int inFlight(int parallelism) {
    return new BudgetPace(requestsPerHour, client.stats().meanLatency())
        .requestsInFlight(parallelism);
  }

  private RunPage oldestPage(SourceOptions options) {
    Iterator<RunPage> pages = client.pages(options.query(options.after(), options.before(), false));
    return pages.hasNext() ? pages.next() : null;
  }

  /** The runs flows.json counts, of the one flow asked for if any. */
  private static long counted(SourceOptions options, List<FlowSummary> flows) {
    long counted = 0;
    for (FlowSummary flow : flows) {
      if (options.flow() == null || options.flow().equals(flow.uuid())) {
        counted += flow.runs().values().stream().mapToLong(Long::longValue).sum();
      }
    }
    return counted;
  }

  /**
   * The runs in [first, before] if the range is as dense as its oldest page; unbounded when that
   * page holds one timestamp (it says nothing about density).
   */
  private static long byDensity(SourceOptions options, RunPage oldest, Instant first) {
    List<RunRecord> runs = oldest.runs();
    Duration spanned = Duration.between(first, runs.get(runs.size() - 1).modifiedOn());
    if (spanned.toNanos() < 1000) {
      return Long.MAX_VALUE / 2;
    }
    double perMicro = runs.size() / (double) (spanned.toNanos() / 1000);
    long byDensity = (long) (perMicro * (micros(options.before()) - micros(first)));
    return Math.max(runs.size(), byDensity);
  }

  private static List<RunsWindow> whole(SourceOptions options) {
    return List.of(new RunsWindow(0, options.after(), options.before()));
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }
}
