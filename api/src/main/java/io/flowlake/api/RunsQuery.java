package io.flowlake.api;

import io.flowlake.config.ConfigException;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One pull of {@code /api/v2/runs.json}: oldest first ({@code reverse=true}) up to a fixed {@code
 * before} (T0), so runs modified during the pull land after T0 and wait for the next pull instead
 * of being missed or read twice (docs/rapidpro-api.md pitfall 2). Both bounds are inclusive
 * (pitfall 3).
 *
 * @param after lower bound on {@code modified_on}, inclusive; null for a full pull
 * @param before the pull's fixed upper bound T0, inclusive; required
 * @param paths whether to fetch each run's path ({@code paths=false} makes pages smaller)
 * @param flow a flow UUID, or null; cannot be combined with {@code contact}
 * @param contact a contact UUID (deprecated filter), or null
 * @param uuid one run UUID, or null
 * @param respondedOnly only runs where the contact responded; false does not filter (pitfall 15)
 */
public record RunsQuery(
    Instant after,
    Instant before,
    boolean paths,
    String flow,
    String contact,
    String uuid,
    boolean respondedOnly)
    implements Serializable {

  public RunsQuery {
    Objects.requireNonNull(before, "before (the pull's fixed T0) is required");
    flow = QueryStrings.uuidOrNull("flow", flow);
    contact = QueryStrings.uuidOrNull("contact", contact);
    uuid = QueryStrings.uuidOrNull("uuid", uuid);
    if (flow != null && contact != null) {
      throw new ConfigException(
          "flow '"
              + flow
              + "' and contact '"
              + contact
              + "' cannot be combined (RapidPro answers 400): filter by one of them");
    }
  }

  /** Every run modified in {@code [after, before]}, with paths; {@code after} may be null. */
  public static RunsQuery between(Instant after, Instant before) {
    return new RunsQuery(after, before, true, null, null, null, false);
  }

  /**
   * The URL of the first page on the server at {@code api} (as normalised by {@link ApiConfig}).
   */
  public URI firstPage(URI api) {
    return page(api, true);
  }

  /**
   * The URL of the first page newest first (RapidPro's default order): what a check that looks for
   * anything new reads, since a run modified after the rest shows on its first page.
   */
  public URI newestFirstPage(URI api) {
    return page(api, false);
  }

  private URI page(URI api, boolean oldestFirst) {
    StringBuilder query = new StringBuilder(oldestFirst ? "reverse=true" : "");
    QueryStrings.param(query, "before", Timestamps.format(before));
    if (after != null) {
      QueryStrings.param(query, "after", Timestamps.format(after));
    }
    QueryStrings.param(query, "paths", Boolean.toString(paths));
    if (flow != null) {
      QueryStrings.param(query, "flow", flow);
    }
    if (contact != null) {
      QueryStrings.param(query, "contact", contact);
    }
    if (uuid != null) {
      QueryStrings.param(query, "uuid", uuid);
    }
    if (respondedOnly) {
      QueryStrings.param(query, "responded", "true");
    }
    return URI.create(ApiAddress.base(api) + "/api/v2/runs.json?" + query);
  }
}
