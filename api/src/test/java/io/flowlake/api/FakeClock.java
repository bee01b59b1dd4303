package io.flowlake.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} and {@link Sleeper} in one: sleeping records the duration and, when {@code
 * advancing}, moves the ticker on by it, as real time would. Nothing ever waits.
 */
final class FakeClock implements Ticker, Sleeper {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final boolean advancing;
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile Runnable duringNextSleep;

  private FakeClock(boolean advancing) {
    this.advancing = advancing;
  }

  /** Time passes only while sleeping, as for a single thread that does nothing else. */
  static FakeClock advancing() {
    return new FakeClock(true);
  }

  /** Time stands still: every sleep is measured from the same instant. */
  static FakeClock frozen() {
    return new FakeClock(false);
  }

  /** Runs {@code action} inside the next sleep, as another thread would while this one waits. */
  void duringNextSleep(Runnable action) {
    duringNextSleep = action;
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public long nanos() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    Runnable action = duringNextSleep;
    duringNextSleep = null;
    if (action != null) {
      action.run();
    }
    if (advancing) {
      advance(duration);
    }
  }
}
