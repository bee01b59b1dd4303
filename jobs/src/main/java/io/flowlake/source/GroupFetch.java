package io.flowlake.source;

import io.flowlake.api.ClientStats;
import io.flowlake.api.RunPage;
import io.flowlake.api.RunsClient;
import io.flowlake.api.RunsQuery;
import io.flowlake.api.SharedBudgets;
import java.util.List;

/**
 * The pages of one group of windows being fetched: its client (under this JVM's shared budget of
 * the workspace) and its fetcher threads. Started by a task's reader, or earlier by {@link
 * RunsPrefetch} and handed to the reader that claims it. {@code close()} is idempotent.
 */
final class GroupFetch implements AutoCloseable {

  private final RunsWindowGroup group;
  private final List<RunsQuery> queries;
  private final RunsClient client;
  private final WindowPageFeed feed;
  private boolean closed;

  private GroupFetch(
      RunsWindowGroup group, List<RunsQuery> queries, RunsClient client, WindowPageFeed feed) {
    this.group = group;
    this.queries = queries;
    this.client = client;
    this.feed = feed;
  }

  /**
   * Starts fetching {@code group}'s windows, its queries made by {@code options}; at most {@code
   * buffered} pages wait for the task before the fetchers pause.
   */
  static GroupFetch start(
      SourceOptions options, RunsWindowGroup group, boolean paths, int buffered) {
    List<RunsQuery> queries = queries(options, group, paths);
    RunsClient client =
        new RunsClient(options.api(), SharedBudgets.of(options.api(), group.requestsPerHour()));
    WindowPageFeed feed =
        new WindowPageFeed(
            group.windows(),
            group.threads(),
            buffered,
            window -> client.pages(options.query(window.after(), window.before(), paths)));
    return new GroupFetch(group, queries, client, feed);
  }

  /** The API queries, one per window in order, that reading {@code group} asks. */
  static List<RunsQuery> queries(SourceOptions options, RunsWindowGroup group, boolean paths) {
    return group.windows().stream().map(w -> options.query(w.after(), w.before(), paths)).toList();
  }

  /** Whether this fetch reads exactly what a reader of {@code other} with {@code asked} would. */
  boolean reads(RunsWindowGroup other, List<RunsQuery> asked) {
    return group.equals(other) && queries.equals(asked);
  }

  /** The next page, or null when every window is read; see {@link WindowPageFeed#next}. */
  RunPage next(Runnable onWindowDone) {
    return feed.next(onWindowDone);
  }

  /** What the client has asked so far, its requests counted from this fetch's start. */
  ClientStats stats() {
    return client.stats();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    feed.close();
    client.close();
  }
}
