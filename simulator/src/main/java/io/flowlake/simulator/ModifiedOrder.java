package io.flowlake.simulator;

import java.util.Arrays;

/**
 * Runs (or contacts) in {@code (modified_on, id)} order, the order of RapidPro's index {@code (org,
 * -modified_on, -id)} that serves the runs and contacts endpoints (docs/rapidpro-api.md §2.6). It
 * is an append-only log: a write moves a row to the head (mailroom sets {@code modified_on =
 * NOW()}, docs/rapidpro-api.md §9), and the workspace clock only moves forward, so new entries
 * always sort last. An entry is live while its time is still its row's {@code modified_on}; the
 * older entries of a row are skipped and dropped now and then.
 */
final class ModifiedOrder {
  private int[] runs;
  private long[] times;
  private int length;

  private ModifiedOrder(int[] runs, long[] times, int length) {
    this.runs = runs;
    this.times = times;
    this.length = length;
  }

  static ModifiedOrder of(ModifiedTimes table) {
    int n = table.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    sortByModified(order, table);
    long[] times = new long[Math.max(16, n)];
    for (int k = 0; k < n; k++) {
      times[k] = table.modified(order[k]);
    }
    return new ModifiedOrder(Arrays.copyOf(order, Math.max(16, n)), times, n);
  }

  /** Bottom-up merge sort of run indices by (modified_on, index) without boxing. */
  private static void sortByModified(int[] a, ModifiedTimes table) {
    int n = a.length;
    int[] src = a;
    int[] dst = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (i < mid && (j >= hi || !after(src[i], src[j], table))) {
            dst[k] = src[i++];
          } else {
            dst[k] = src[j++];
          }
        }
      }
      int[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
  }

  private static boolean after(int x, int y, ModifiedTimes table) {
    long mx = table.modified(x);
    long my = table.modified(y);
    return mx > my || (mx == my && x > y);
  }

  /**
   * Records that row {@code run} now has {@code modified_on = time}; it must sort after every
   * entry.
   */
  void append(int run, long time) {
    if (length > 0
        && (time < times[length - 1] || (time == times[length - 1] && run <= runs[length - 1]))) {
      throw new IllegalStateException("modified_on must move forward: " + time);
    }
    if (length == runs.length) {
      runs = Arrays.copyOf(runs, length * 2);
      times = Arrays.copyOf(times, length * 2);
    }
    runs[length] = run;
    times[length++] = time;
  }

  int length() {
    return length;
  }

  int run(int pos) {
    return runs[pos];
  }

  long time(int pos) {
    return times[pos];
  }

  boolean isLive(int pos, ModifiedTimes table) {
    return table.modified(runs[pos]) == times[pos];
  }

  /** The first position whose time is {@code >= time}. */
  int firstAtOrAfter(long time) {
    int lo = 0;
    int hi = length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < time) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first position whose time is {@code > time}. */
  int firstAfter(long time) {
    return time == Long.MAX_VALUE ? length : firstAtOrAfter(time + 1);
  }

  /** Entries a reader may still need although their run has moved on. */
  interface StillShown {
    boolean test(int run, long time);
  }

  /**
   * Drops superseded entries, except those {@code stillShown}, once they outnumber live ones; the
   * order needs no re-sort.
   */
  void compactIfSparse(ModifiedTimes table, StillShown stillShown) {
    if (length < 2 * table.size() + 1024) {
      return;
    }
    int kept = 0;
    for (int pos = 0; pos < length; pos++) {
      if (isLive(pos, table) || stillShown.test(runs[pos], times[pos])) {
        runs[kept] = runs[pos];
        times[kept++] = times[pos];
      }
    }
    length = kept;
  }

  /** Which entries a page shows: {@code live} says whether the entry is its row's latest. */
  interface Shown {
    boolean test(int row, long time, boolean live);
  }

  /**
   * The positions of the entries in {@code (modified_on, id)} order, descending or ascending, whose
   * {@code modified_on} is in {@code [after, before]} and strictly past {@code position} in that
   * direction (when given), and that {@code shown} takes: the rows of a cursor page
   * (docs/rapidpro-api.md §3), {@code offset} of them skipped, at most {@code limit}. Read each
   * with {@link #run} and {@link #time}.
   */
  int[] select(
      ModifiedTimes table,
      boolean descending,
      long after,
      long before,
      Long position,
      int offset,
      int limit,
      Shown shown) {
    int[] found = new int[Math.min(limit, 256)];
    int count = 0;
    int skip = offset;
    int step = descending ? -1 : 1;
    int pos = descending ? firstDescending(before, position) : firstAscending(after, position);
    for (; pos >= 0 && pos < length && count < limit; pos += step) {
      if (times[pos] < after || times[pos] > before) {
        break;
      }
      if (!shown.test(runs[pos], times[pos], isLive(pos, table))) {
        continue;
      }
      if (skip > 0) {
        skip--;
      } else {
        if (count == found.length) {
          found = Arrays.copyOf(found, found.length * 2);
        }
        found[count++] = pos;
      }
    }
    return Arrays.copyOf(found, count);
  }

  private int firstDescending(long before, Long position) {
    int from = firstAfter(before) - 1;
    return position == null ? from : Math.min(from, firstAtOrAfter(position) - 1);
  }

  private int firstAscending(long after, Long position) {
    int from = firstAtOrAfter(after);
    return position == null ? from : Math.max(from, firstAfter(position));
  }
}
