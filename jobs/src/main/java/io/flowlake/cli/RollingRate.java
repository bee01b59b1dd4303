package io.flowlake.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** A counter's rate over the last {@code span}, from samples of its running total. */
final class RollingRate {

  private record Sample(long nanos, long total) {}

  private final long spanNanos;
  private final Deque<Sample> samples = new ArrayDeque<>();

  RollingRate(Duration span) {
    this.spanNanos = span.toNanos();
  }

  synchronized void sample(long nanos, long total) {
    samples.addLast(new Sample(nanos, total));
    // Keep one sample at or before the span's start, so the rate covers the whole span.
    while (samples.size() > 2) {
      Sample second = samples.stream().skip(1).findFirst().orElseThrow();
      if (nanos - second.nanos() < spanNanos) {
        break;
      }
      samples.removeFirst();
    }
  }

  /** Per second over the samples kept; 0 before two samples. */
  synchronized double perSecond() {
    if (samples.size() < 2) {
      return 0;
    }
    Sample first = samples.peekFirst();
    Sample last = samples.peekLast();
    double seconds = (last.nanos() - first.nanos()) / 1e9;
    return seconds <= 0 ? 0 : (last.total() - first.total()) / seconds;
  }
}
