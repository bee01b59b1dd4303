package io.flowlake.api;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Lists a workspace's run archives ({@code /api/v2/archives.json?type=run}, docs/rapidpro-api.md
 * §5) through the same transport, pacing and {@link RetryPolicy} as the runs client, under its own
 * budget: the server throttles archives in scope {@code v2}, apart from {@code v2.runs}.
 */
public final class ArchivesClient {

  /** One large page is the usual answer; pages can shift as archives are added (pitfall 19). */
  static final int LIMIT = 1000;

  private final ApiConfig config;
  private final PageFetcher fetcher;

  public ArchivesClient(ApiConfig config) {
    this(
        config,
        new JdkTransport(config),
        new PacedBudget(config.requestsPerHour(), Ticker.system(), Sleeper.system()),
        Sleeper.system());
  }

  public ArchivesClient(
      ApiConfig config, Transport transport, RequestBudget budget, Sleeper sleeper) {
    this.config = config;
    RetryPolicy policy = new RetryPolicy(config, new Random(), Clock.systemUTC());
    this.fetcher = new PageFetcher(config, transport, budget, sleeper, policy, new ClientStats());
  }

  /**
   * Every run archive listed, newest first, each {@code (period, start_date)} once: listing pages
   * may shift while they are read, so an entry can come twice.
   */
  public List<ArchiveInfo> runArchives() {
    URI first =
        URI.create(ApiAddress.base(config.api()) + "/api/v2/archives.json?type=run&limit=" + LIMIT);
    Iterator<ArchivePage> pages =
        new LinkedPages<>(
            config.api(),
            first,
            fetcher,
            (url, body) -> ArchiveListingParser.parse(body),
            ArchivePage::next);
    Map<String, ArchiveInfo> archives = new LinkedHashMap<>();
    pages.forEachRemaining(
        page ->
            page.archives().stream()
                .filter(a -> a.type().equals("run"))
                .forEach(a -> archives.putIfAbsent(a.period() + " " + a.startDate(), a)));
    return new ArrayList<>(archives.values());
  }
}
