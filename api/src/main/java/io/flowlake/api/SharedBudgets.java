package io.flowlake.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link PacedBudget} per workspace, throttle scope and rate in this JVM, so every thread,
 * reader and task of a job that talks to one server shares one budget, as the server's throttle
 * does (it counts per workspace and scope, docs/rapidpro-api.md §4). The key is the API address,
 * the scope and the rate: two reads of the same workspace and scope at the same rate in one JVM
 * pace together; another scope or a changed rate starts a new budget.
 */
public final class SharedBudgets {

  private static final Map<String, PacedBudget> BUDGETS = new ConcurrentHashMap<>();

  /** The JVM-wide budget of {@code config}'s server for runs at {@code requestsPerHour}. */
  public static RequestBudget of(ApiConfig config, int requestsPerHour) {
    return of(config, ThrottleScope.RUNS, requestsPerHour);
  }

  /** The JVM-wide budget of {@code config}'s server in {@code scope} at {@code requestsPerHour}. */
  public static RequestBudget of(ApiConfig config, ThrottleScope scope, int requestsPerHour) {
    String key = config.api() + " " + scope.key() + " " + requestsPerHour;
    return BUDGETS.computeIfAbsent(
        key, k -> new PacedBudget(requestsPerHour, Ticker.system(), Sleeper.system()));
  }

  private SharedBudgets() {}
}
