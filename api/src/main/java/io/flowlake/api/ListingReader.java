package io.flowlake.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the listings of one server through one {@link PageFetcher} (so one budget, one throttle
 * scope): lazily page by page from a URL that must be on the configured server, or whole. The
 * clients are made of these.
 */
final class ListingReader {

  private final URI api;
  private final PageFetcher fetcher;
  private final String owner;

  /**
   * @param owner the client's name, for the error after {@link #close()}
   */
  ListingReader(URI api, PageFetcher fetcher, String owner) {
    this.api = api;
    this.fetcher = fetcher;
    this.owner = owner;
  }

  /**
   * The pages from {@code pageUrl}, e.g. a {@code next} URL stored earlier as a checkpoint; it
   * carries the query's filters (docs/rapidpro-api.md §3).
   *
   * @throws UnsafeLinkException if the URL is not on the configured server
   */
  <T> Iterator<T> pagesFrom(
      URI pageUrl, PageFetcher.BodyParser<T> parser, Function<T, String> nextOf) {
    ensureOpen();
    if (!NextLink.sameOrigin(api, pageUrl)) {
      throw new UnsafeLinkException("resume URL " + pageUrl + " is not on the configured " + api);
    }
    return new LinkedPages<>(api, pageUrl, fetcher, parser, nextOf);
  }

  /** Every item of the small listing at {@code path} (e.g. {@code /api/v2/flows.json}). */
  <T> List<T> readAll(String path, Function<byte[], PageEnvelope.Listing<T>> parser) {
    ensureOpen();
    URI first = URI.create(ApiAddress.base(api) + path);
    Iterator<PageEnvelope.Listing<T>> pages =
        new LinkedPages<>(
            api, first, fetcher, (url, body) -> parser.apply(body), PageEnvelope.Listing::next);
    List<T> items = new ArrayList<>();
    pages.forEachRemaining(page -> items.addAll(page.items()));
    return items;
  }

  /** Refuses every later read; true only for the call that closed it. */
  boolean close() {
    return fetcher.close();
  }

  /**
   * Closes {@code transport} if it holds resources. (The JDK's HTTP client has no close on Java 17:
   * its threads end once it is unreachable.)
   */
  static void release(Transport transport, URI api) {
    if (transport instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new ApiException("closing the connection to " + api + " failed", e);
      }
    }
  }

  private void ensureOpen() {
    if (fetcher.isClosed()) {
      throw new IllegalStateException("this " + owner + " is closed");
    }
  }
}
