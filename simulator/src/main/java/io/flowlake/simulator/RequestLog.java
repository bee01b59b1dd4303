package io.flowlake.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every request the server answered, in the order the answers were sent. Thread-safe. */
public final class RequestLog {
  private final List<LoggedRequest> requests = new ArrayList<>();

  RequestLog() {}

  synchronized void add(LoggedRequest request) {
    requests.add(request);
  }

  /** A copy of the log so far. */
  public synchronized List<LoggedRequest> all() {
    return List.copyOf(requests);
  }

  public synchronized int size() {
    return requests.size();
  }

  /**
   * The most requests that arrived within any closed span of {@code length}: what a rolling-window
   * rate limit sees. Compared with the budget, it proves the budget was kept.
   */
  public synchronized int mostWithin(Duration length) {
    List<Instant> at = new ArrayList<>();
    requests.forEach(r -> at.add(r.at()));
    Collections.sort(at);
    int most = 0;
    int end = 0;
    for (int start = 0; start < at.size(); start++) {
      Instant limit = at.get(start).plus(length);
      while (end < at.size() && !at.get(end).isAfter(limit)) {
        end++;
      }
      most = Math.max(most, end - start);
    }
    return most;
  }

  public synchronized void clear() {
    requests.clear();
  }
}
