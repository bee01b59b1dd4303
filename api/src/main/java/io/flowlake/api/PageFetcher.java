package io.flowlake.api;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches and parses one page, however many attempts it takes: every attempt waits for the budget,
 * each failure goes to the {@link RetryPolicy}, whose wait is slept here. The token is set in the
 * {@code Authorization} header and nowhere else.
 */
final class PageFetcher {

  /** Turns a 2xx body into a page, or throws {@link MalformedResponseException}. */
  @FunctionalInterface
  interface BodyParser<T> {
    T parse(String url, byte[] body);
  }

  static final String USER_AGENT = "flowlake/0.1";

  private final Map<String, String> headers;
  private final Transport transport;
  private final RequestBudget budget;
  private final Sleeper sleeper;
  private final RetryPolicy policy;
  private final ClientStats stats;
  private final AtomicBoolean closed = new AtomicBoolean();

  PageFetcher(
      ApiConfig config,
      Transport transport,
      RequestBudget budget,
      Sleeper sleeper,
      RetryPolicy policy,
      ClientStats stats) {
    this.headers =
        Map.of(
            "Authorization",
            "Token " + config.token(),
            "Accept",
            "application/json",
            "User-Agent",
            USER_AGENT);
    this.transport = transport;
    this.budget = budget;
    this.sleeper = sleeper;
    this.policy = policy;
    this.stats = stats;
  }

  /**
   * @throws ApiException (a subclass saying why) when the policy gives up, or when interrupted
   */
  <T> T fetch(URI uri, BodyParser<T> parser) {
    if (closed.get()) {
      throw new IllegalStateException("the client is closed; cannot fetch " + uri);
    }
    int failures = 0;
    int throttles = 0;
    try {
      while (true) {
        budget.acquire();
        stats.requestSent();
        HttpAnswer answer = null;
        Exception failure = null;
        try {
          long sent = System.nanoTime();
          answer = transport.get(uri, headers);
          stats.answerReceived(answer, System.nanoTime() - sent);
          if (answer.status() / 100 == 2) {
            return parser.parse(uri.toString(), answer.body());
          }
        } catch (IOException | MalformedResponseException e) {
          stopIfInterrupted();
          failure = e;
        }
        RetryPolicy.Decision decision =
            policy.decide(new RetryPolicy.Attempt(uri, answer, failure, failures, throttles));
        if (!decision.retry()) {
          throw decision.failure();
        }
        if (decision.throttled()) {
          throttles++;
          budget.holdOff(decision.delay());
        } else {
          failures++;
          throttles = 0;
          stats.retrying();
        }
        sleeper.sleep(decision.delay());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("GET " + uri + " was interrupted", e);
    }
  }

  /** Refuses every later fetch; true only for the call that closed it. */
  boolean close() {
    return closed.compareAndSet(false, true);
  }

  boolean isClosed() {
    return closed.get();
  }

  // An interrupted transport reports an IOException; that is a request to stop, not a failure.
  private static void stopIfInterrupted() throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
  }
}
