package io.flowlake.api;

import java.net.URI;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Pages of a listing, fetched lazily: one GET per {@link #next()}, following each page's {@code
 * next} link (checked by {@link NextLink}) until it is null.
 */
final class LinkedPages<T> implements Iterator<T> {

  private final URI api;
  private final PageFetcher fetcher;
  private final PageFetcher.BodyParser<T> parser;
  private final Function<T, String> nextOf;
  private URI upcoming;

  LinkedPages(
      URI api,
      URI first,
      PageFetcher fetcher,
      PageFetcher.BodyParser<T> parser,
      Function<T, String> nextOf) {
    this.api = api;
    this.upcoming = first;
    this.fetcher = fetcher;
    this.parser = parser;
    this.nextOf = nextOf;
  }

  @Override
  public boolean hasNext() {
    return upcoming != null;
  }

  @Override
  public T next() {
    if (upcoming == null) {
      throw new NoSuchElementException("no page after the last one");
    }
    URI current = upcoming;
    T page = fetcher.fetch(current, parser);
    upcoming = NextLink.follow(api, current, nextOf.apply(page));
    return page;
  }
}
