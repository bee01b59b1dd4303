package io.flowlake.simulator;

import java.util.ArrayList;
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

  public synchronized void clear() {
    requests.clear();
  }
}
