package io.flowlake.lake;

import java.time.Instant;

/**
 * One line of the pull history in {@code _state/pulls/}: what a pull asked for and what it cost.
 * {@code after} is null for a full pull; {@code watermarkAfter} is the largest {@code modified_on}
 * merged so far (never beyond {@code t0}).
 */
public record PullRecord(
    String pullId,
    String kind,
    Instant startedAt,
    Instant finishedAt,
    Instant t0,
    Instant after,
    Instant watermarkBefore,
    Instant watermarkAfter,
    long requests,
    long pages,
    long runsFetched,
    long rejects,
    long throttled,
    long retries,
    int monthsTouched) {

  public double seconds() {
    return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
  }
}
