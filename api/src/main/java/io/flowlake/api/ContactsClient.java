package io.flowlake.api;

import java.net.URI;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Reads the people behind the runs from one RapidPro / TextIt server: contacts ({@code
 * contacts.json}), and the workspace's contact fields and groups ({@code fields.json}, {@code
 * groups.json}). Paced, retried and checked like {@link RunsClient}, through the same {@link
 * RetryPolicy} and {@link NextLink} rules.
 *
 * <p>Two budgets, because the server throttles two scopes here (docs/rapidpro-api.md §4): contacts
 * in {@code v2.contacts}, apart from runs; fields and groups in the default scope {@code v2}, which
 * archives and flows share. Pass {@link SharedBudgets#of(ApiConfig, ThrottleScope, int)} to pace
 * together with every other reader of the same scope in the JVM.
 */
public final class ContactsClient implements AutoCloseable {

  private final ApiConfig config;
  private final Transport transport;
  private final ListingReader contacts;
  private final ListingReader definitions;
  private final ClientStats stats = new ClientStats();

  /**
   * A client over the JDK's HTTP client pacing contacts at {@code contactsPerHour} (RapidPro's
   * default is {@link ThrottleScope#DEFAULT_REQUESTS_PER_HOUR}) and fields and groups at {@code
   * config.requestsPerHour()}, each on the JVM-wide budget of its scope.
   */
  public ContactsClient(ApiConfig config, int contactsPerHour) {
    this(
        config,
        new JdkTransport(config),
        SharedBudgets.of(config, ThrottleScope.CONTACTS, contactsPerHour),
        SharedBudgets.of(config, ThrottleScope.DEFAULT, config.requestsPerHour()),
        Sleeper.system(),
        new Random());
  }

  /**
   * @param contactsBudget the {@code v2.contacts} budget, for {@code contacts.json}
   * @param defaultBudget the {@code v2} budget, for {@code fields.json} and {@code groups.json}
   */
  public ContactsClient(
      ApiConfig config,
      Transport transport,
      RequestBudget contactsBudget,
      RequestBudget defaultBudget,
      Sleeper sleeper,
      Random jitter) {
    this.config = config;
    this.transport = transport;
    RetryPolicy policy = new RetryPolicy(config, jitter, Clock.systemUTC());
    this.contacts =
        new ListingReader(
            config.api(),
            new PageFetcher(config, transport, contactsBudget, sleeper, policy, stats),
            "ContactsClient");
    this.definitions =
        new ListingReader(
            config.api(),
            new PageFetcher(config, transport, defaultBudget, sleeper, policy, stats),
            "ContactsClient");
  }

  /**
   * The pages of {@code query}, fetched lazily: each {@code next()} sends one request (more if it
   * has to retry). Each page's {@code next()} is the URL to resume from later.
   */
  public Iterator<ContactPage> pages(ContactsQuery query) {
    return pagesFrom(query.firstPage(config.api()), query.deleted());
  }

  /**
   * The pages from a {@code next} URL stored earlier as a checkpoint.
   *
   * @param deleted whether the URL lists deleted contacts ({@code deleted=true}); it decides how
   *     the records are checked
   * @throws UnsafeLinkException if the URL is not on the configured server
   */
  public Iterator<ContactPage> pagesFrom(URI pageUrl, boolean deleted) {
    return contacts.pagesFrom(
        pageUrl,
        (url, body) -> stats.pageRead(ContactPageParser.parse(url, body, deleted)),
        ContactPage::next);
  }

  /** The workspace's contact fields, newest first, following {@code next}. */
  public List<ContactField> fields() {
    return definitions.readAll("/api/v2/fields.json", ContactDefinitionsParser::parseFields);
  }

  /** The workspace's contact groups with their counts now, newest first. */
  public List<ContactGroup> groups() {
    return definitions.readAll("/api/v2/groups.json", ContactDefinitionsParser::parseGroups);
  }

  public ClientStats stats() {
    return stats;
  }

  /** Idempotent; pages not yet fetched can no longer be. */
  @Override
  public void close() {
    boolean first = contacts.close();
    if (definitions.close() || first) {
      ListingReader.release(transport, config.api());
    }
  }

  @Override
  public String toString() {
    return "ContactsClient[" + config.api() + ", " + stats + "]";
  }
}
