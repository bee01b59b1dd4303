package io.flowlake.source;

import io.flowlake.api.RunPage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The pages of a group's windows, fetched by {@code threads} threads at once (each walks one
 * window's cursor, then takes the next window), handed to the one Spark thread that makes rows. A
 * small bounded queue keeps memory flat: fetchers wait when the task falls behind. The first
 * failure ends the feed and is rethrown to the task, so Spark retries the task (its windows only).
 */
final class WindowPageFeed implements AutoCloseable {

  /** What the queue carries: a page, a finished window, or the reason the feed stopped. */
  private record Item(RunPage page, boolean windowDone, RuntimeException failure) {}

  private final BlockingQueue<Item> queue;
  private final List<Thread> fetchers = new ArrayList<>();
  private final AtomicInteger running;
  private volatile boolean closed;

  /** {@code buffered}: the pages that may wait for the task (at least two per thread). */
  WindowPageFeed(
      List<RunsWindow> windows,
      int threads,
      int buffered,
      Function<RunsWindow, Iterator<RunPage>> pagesOf) {
    this.queue = new ArrayBlockingQueue<>(Math.max(Math.max(2, threads * 2), buffered));
    ConcurrentLinkedQueue<RunsWindow> todo = new ConcurrentLinkedQueue<>(windows);
    int count = Math.max(1, Math.min(threads, windows.size()));
    this.running = new AtomicInteger(count);
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(() -> fetch(todo, pagesOf), "rapidpro-window-" + i);
      t.setDaemon(true);
      fetchers.add(t);
    }
    fetchers.forEach(Thread::start);
  }

  private void fetch(
      ConcurrentLinkedQueue<RunsWindow> todo, Function<RunsWindow, Iterator<RunPage>> pagesOf) {
    try {
      RunsWindow window;
      while (!closed && (window = todo.poll()) != null) {
        Iterator<RunPage> pages = pagesOf.apply(window);
        while (!closed && pages.hasNext()) {
          put(new Item(pages.next(), false, null));
        }
        put(new Item(null, true, null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      offerQuietly(new Item(null, false, e));
    } finally {
      if (running.decrementAndGet() == 0) {
        offerQuietly(new Item(null, false, null));
      }
    }
  }

  /**
   * The next page, or null when every window is read. {@code onWindowDone} hears of each finished
   * window.
   */
  RunPage next(Runnable onWindowDone) {
    try {
      while (true) {
        Item item = queue.take();
        if (item.failure() != null) {
          throw item.failure();
        }
        if (item.page() != null) {
          return item.page();
        }
        if (!item.windowDone()) {
          return null;
        }
        onWindowDone.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for pages", e);
    }
  }

  private void put(Item item) throws InterruptedException {
    while (!closed) {
      if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
  }

  // The end marker and a failure must reach the task even when the queue is full of pages: a
  // fetcher that cannot hand them over waits (the task drains pages) unless the feed is closed.
  private void offerQuietly(Item item) {
    try {
      put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Idempotent: stops the fetchers; pages not yet fetched never will be. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    fetchers.forEach(Thread::interrupt);
  }
}
