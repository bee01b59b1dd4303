package io.flowlake.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Running totals of one client ({@link RunsClient}, {@link ContactsClient}), safe to read while
 * other threads fetch.
 */
public final class ClientStats {

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong rejects = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong answerNanos = new AtomicLong();

  /** Requests sent, retries and 429s included. */
  public long requests() {
    return requests.get();
  }

  /** Record pages (runs or contacts) parsed. */
  public long pages() {
    return pages.get();
  }

  /** Records read from those pages: runs, or contacts for a {@link ContactsClient}. */
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

  /**
   * The mean time from sending a request to having its answer, budget waits excluded: what a
   * planner needs to know how many requests must be in flight to keep the budget busy. Zero before
   * any answer.
   */
  public Duration meanLatency() {
    long n = answered.get();
    return n == 0 ? Duration.ZERO : Duration.ofNanos(answerNanos.get() / n);
  }

  void requestSent() {
    requests.incrementAndGet();
  }

  void answerReceived(HttpAnswer answer, long nanos) {
    answered.incrementAndGet();
    answerNanos.addAndGet(nanos);
    bytes.addAndGet(answer.body().length);
    if (answer.status() == 429) {
      throttled.incrementAndGet();
    }
  }

  void retrying() {
    retries.incrementAndGet();
  }

  RunPage pageRead(RunPage page) {
    pageRead(page.runs().size(), page.rejects().size());
    return page;
  }

  ContactPage pageRead(ContactPage page) {
    pageRead(page.contacts().size(), page.rejects().size());
    return page;
  }

  private void pageRead(int records, int rejected) {
    pages.incrementAndGet();
    runs.addAndGet(records);
    rejects.addAndGet(rejected);
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
