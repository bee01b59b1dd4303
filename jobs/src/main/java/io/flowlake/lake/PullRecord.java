package io.flowlake.lake;

import java.time.Instant;
import java.util.List;

/**
 * One line of the pull history in {@code _state/pulls/}: what a pull asked for and what it cost.
 * {@code after} is null for a full pull; {@code watermarkAfter} is the largest {@code modified_on}
 * merged so far (never beyond {@code t0}). {@code countMismatches} lists, after a full pull, where
 * the lake's per-flow run counts by exit type differ from {@code /api/v2/flows.json}'s: how a user
 * notices missing data (empty when they agree, or when not checked). {@code contacts} is what the
 * contacts landing brought, null when the pull skipped contacts. {@code contactsErased} counts the
 * contacts RapidPro listed as deleted that this pull erased from the lake.
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
    int monthsTouched,
    List<String> countMismatches,
    ContactsRecord contacts,
    long contactsErased) {

  public PullRecord {
    countMismatches = countMismatches == null ? List.of() : List.copyOf(countMismatches);
  }

  public double seconds() {
    return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
  }
}
