package io.flowlake.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; injected so retries and pacing can be tested without sleeping. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  static Sleeper system() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}
