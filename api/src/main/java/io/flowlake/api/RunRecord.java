package io.flowlake.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One flow run as RapidPro describes it (docs/rapidpro-api.md §2.2), whichever way it reached us: a
 * page of {@code /api/v2/runs.json} or a line of a run archive.
 *
 * <p>Nullable, because the real API or its archives leave them out: {@code id} (deprecated), {@code
 * startUuid} (archives never have it), {@code path} (null when fetched with {@code paths=false}),
 * {@code exitedOn} and {@code exitType} (null while the run is active or waiting). {@code values}
 * is never null: an empty map when the run has no results. Timestamps keep microseconds, as the
 * server writes them.
 */
public record RunRecord(
    String uuid,
    Long id,
    String flowUuid,
    String flowName,
    Contact contact,
    String startUuid,
    boolean responded,
    List<PathStep> path,
    Map<String, ResultValue> values,
    Instant createdOn,
    Instant modifiedOn,
    Instant exitedOn,
    String exitType)
    implements Serializable {

  /** The exit types RapidPro sends; null means the run is still active or waiting. */
  public static final List<String> EXIT_TYPES =
      List.of("completed", "interrupted", "expired", "failed");

  public RunRecord {
    values = values == null ? Map.of() : values;
  }
}
