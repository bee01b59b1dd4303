package io.flowlake.api;

/** A monotonic clock in nanoseconds; injected so pacing can be tested without waiting. */
@FunctionalInterface
public interface Ticker {

  long nanos();

  static Ticker system() {
    return System::nanoTime;
  }
}
