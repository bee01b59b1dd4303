package io.flowlake.simulator;

/**
 * Everything about a generated run that is decided by its random draws: its row (flow, contact,
 * status, times) and the path it took, as node indices with arrival times, plus the category and
 * time of each result it wrote ({@code -1} for a result it never wrote). Texts are drawn later,
 * from a separate stream, when the run is shown (see {@link RunBodies}).
 */
record RunPlan(
    int flow,
    int contact,
    int start,
    RunStatus status,
    boolean responded,
    long createdOn,
    long modifiedOn,
    long exitedOn,
    int[] nodes,
    long[] times,
    int[] categories,
    long[] resultTimes) {

  /** Marks a missing time ({@code exited_on} of an ongoing run). */
  static final long NO_TIME = Long.MIN_VALUE;
}
