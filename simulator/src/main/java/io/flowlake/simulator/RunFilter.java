package io.flowlake.simulator;

/**
 * The runs endpoint's filters (docs/rapidpro-api.md §2.6) after their values were resolved to
 * indices. {@code nothing} is the server's {@code queryset.none()} / {@code filter(pk=-1)}: an
 * unknown flow or contact, or an unparseable {@code after}/{@code before}. Both time bounds are
 * inclusive.
 */
record RunFilter(
    boolean nothing,
    int run,
    int flow,
    int contact,
    boolean respondedOnly,
    long after,
    long before) {
  static final int ANY = -1;

  static RunFilter all() {
    return new RunFilter(false, ANY, ANY, ANY, false, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  RunFilter matchingNothing() {
    return new RunFilter(true, run, flow, contact, respondedOnly, after, before);
  }

  /** Narrows to one run; filtering by two different runs (uuid and id) matches nothing. */
  RunFilter withRun(int index) {
    if (run != ANY && run != index) {
      return matchingNothing();
    }
    return new RunFilter(nothing, index, flow, contact, respondedOnly, after, before);
  }

  RunFilter withFlow(int index) {
    return new RunFilter(nothing, run, index, contact, respondedOnly, after, before);
  }

  RunFilter withContact(int index) {
    return new RunFilter(nothing, run, flow, index, respondedOnly, after, before);
  }

  RunFilter onlyResponded() {
    return new RunFilter(nothing, run, flow, contact, true, after, before);
  }

  RunFilter modifiedFrom(long micros) {
    return new RunFilter(nothing, run, flow, contact, respondedOnly, micros, before);
  }

  RunFilter modifiedUntil(long micros) {
    return new RunFilter(nothing, run, flow, contact, respondedOnly, after, micros);
  }

  /**
   * Whether run {@code i} passes every filter except the time bounds, which the index applies;
   * {@code responded} is the shown version's (a lagging replica may show an earlier one).
   */
  boolean accepts(int i, RunTable table, boolean responded) {
    return (run == ANY || run == i)
        && (flow == ANY || table.flow(i) == flow)
        && (contact == ANY || table.contact(i) == contact)
        && (!respondedOnly || responded);
  }
}
