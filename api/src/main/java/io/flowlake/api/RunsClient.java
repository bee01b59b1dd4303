package io.flowlake.api;

import java.net.URI;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Reads runs (and flows) from one RapidPro / TextIt server: paced, retried, one page per request.
 * The client may be shared by threads (each walking its own iterator); threads, or clients, that
 * share one {@link RequestBudget} share the workspace's rate limit, as the server does.
 */
public final class RunsClient implements AutoCloseable {

  private final ApiConfig config;
  private final Transport transport;
  private final ListingReader reader;
  private final ListingReader flows;
  private final ClientStats stats = new ClientStats();

  /** A client over the JDK's HTTP client, pacing at {@code config.requestsPerHour()}. */
  public RunsClient(ApiConfig config) {
    this(
        config,
        new JdkTransport(config),
        new PacedBudget(config.requestsPerHour(), Ticker.system(), Sleeper.system()),
        Sleeper.system(),
        new Random());
  }

  /** A client over the JDK's HTTP client whose requests draw on {@code budget}. */
  public RunsClient(ApiConfig config, RequestBudget budget) {
    this(config, budget, budget);
  }

  /**
   * A client over the JDK's HTTP client whose runs draw on {@code runsBudget} and whose {@code
   * flows.json} on {@code defaultBudget}: the server throttles them in separate scopes ({@code
   * v2.runs} and {@code v2}, docs/rapidpro-api.md §4), so asking for flows costs no runs request.
   */
  public RunsClient(ApiConfig config, RequestBudget runsBudget, RequestBudget defaultBudget) {
    this(
        config,
        new JdkTransport(config),
        runsBudget,
        defaultBudget,
        Sleeper.system(),
        new Random(),
        Clock.systemUTC());
  }

  public RunsClient(
      ApiConfig config, Transport transport, RequestBudget budget, Sleeper sleeper, Random jitter) {
    this(config, transport, budget, sleeper, jitter, Clock.systemUTC());
  }

  RunsClient(
      ApiConfig config,
      Transport transport,
      RequestBudget budget,
      Sleeper sleeper,
      Random jitter,
      Clock clock) {
    this(config, transport, budget, budget, sleeper, jitter, clock);
  }

  RunsClient(
      ApiConfig config,
      Transport transport,
      RequestBudget runsBudget,
      RequestBudget defaultBudget,
      Sleeper sleeper,
      Random jitter,
      Clock clock) {
    this.config = config;
    this.transport = transport;
    RetryPolicy policy = new RetryPolicy(config, jitter, clock);
    this.reader =
        new ListingReader(
            config.api(),
            new PageFetcher(config, transport, runsBudget, sleeper, policy, stats),
            "RunsClient");
    this.flows =
        defaultBudget == runsBudget
            ? reader
            : new ListingReader(
                config.api(),
                new PageFetcher(config, transport, defaultBudget, sleeper, policy, stats),
                "RunsClient");
  }

  /**
   * The pages of {@code query}, fetched lazily: each {@code next()} sends one request (more if it
   * has to retry). Each page's {@code next()} is the URL to resume from later.
   */
  public Iterator<RunPage> pages(RunsQuery query) {
    return pagesFrom(query.firstPage(config.api()));
  }

  /**
   * The pages from a {@code next} URL stored earlier as a checkpoint; it carries the query's
   * filters (docs/rapidpro-api.md §3).
   *
   * @throws UnsafeLinkException if the URL is not on the configured server
   */
  public Iterator<RunPage> pagesFrom(URI pageUrl) {
    return reader.pagesFrom(
        pageUrl, (url, body) -> stats.pageRead(RunPageParser.parse(url, body)), RunPage::next);
  }

  /** The workspace's flows as {@code /api/v2/flows.json} lists them, following {@code next}. */
  public List<FlowSummary> flows() {
    return flows.readAll("/api/v2/flows.json", FlowListingParser::parse);
  }

  public ClientStats stats() {
    return stats;
  }

  /**
   * Idempotent. Pages not yet fetched can no longer be; a transport that holds resources is closed.
   */
  @Override
  public void close() {
    boolean first = reader.close();
    if (flows.close() || first) {
      ListingReader.release(transport, config.api());
    }
  }

  @Override
  public String toString() {
    return "RunsClient[" + config.api() + ", " + stats + "]";
  }
}
