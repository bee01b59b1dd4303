package io.flowlake.api;

import java.util.concurrent.atomic.AtomicLong;

/** Running totals of one {@link RunsClient}, safe to read while other threads fetch. */
public final class ClientStats {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong rejects = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  /** Requests sent, retries and 429s included. */
  public long requests() {
    return requests.get();
  }

  /** Runs pages parsed. */
  public long pages() {
    return pages.get();
  }

  /** Runs read from those pages. */
  public long runs() {
    return runs.get();
  }

  /** Records rejected from those pages. */
  public long rejects() {
    return rejects.get();
  }

  /** 429 answers received. */
  public long throttled() {
    return throttled.get();
  }

  /** Requests sent again after a 5xx, an I/O error or an unreadable body (429s not counted). */
  public long retries() {
    return retries.get();
  }

  /** Response body bytes received. */
  public long bytes() {
    return bytes.get();
  }

  void requestSent() {
    requests.incrementAndGet();
  }

  void answerReceived(HttpAnswer answer) {
    bytes.addAndGet(answer.body().length);
    if (answer.status() == 429) {
      throttled.incrementAndGet();
    }
  }

  void retrying() {
    retries.incrementAndGet();
  }

  RunPage pageRead(RunPage page) {
    pages.incrementAndGet();
    runs.addAndGet(page.runs().size());
    rejects.addAndGet(page.rejects().size());
    return page;
  }

  @Override
  public String toString() {
    return "requests="
        + requests()
        + " pages="
        + pages()
        + " runs="
        + runs()
        + " rejects="
        + rejects()
        + " throttled="
        + throttled()
        + " retries="
        + retries()
        + " bytes="
        + bytes();
  }
}
