package io.flowlake.api;

import io.flowlake.config.ConfigException;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One pull of {@code /api/v2/contacts.json}, read like runs: {@code modified_on} is the cursor
 * (RapidPro pages contacts with the same {@code ModifiedOnCursorPagination}), oldest first ({@code
 * reverse=true}) up to a fixed {@code before} (T0), both bounds inclusive, so contacts changed
 * during the pull wait for the next one instead of being missed or read twice.
 *
 * @param after lower bound on {@code modified_on}, inclusive; null for a full pull
 * @param before the pull's fixed upper bound T0, inclusive; required
 * @param deleted list only deleted contacts ({@code deleted=true}), whose {@code modified_on} is
 *     their deletion time; false lists only the others
 * @param uuid one contact UUID, or null
 */
public record ContactsQuery(Instant after, Instant before, boolean deleted, String uuid)
    implements Serializable {

  public ContactsQuery {
    Objects.requireNonNull(before, "before (the pull's fixed T0) is required");
    uuid = QueryStrings.uuidOrNull("uuid", uuid);
  }

  /** Every contact (not deleted) modified in {@code [after, before]}; {@code after} may be null. */
  public static ContactsQuery between(Instant after, Instant before) {
    return new ContactsQuery(after, before, false, null);
  }

  /**
   * An incremental pull from a stored watermark: from {@code watermark - overlap} (re-reading a
   * margin, as the runs pull does, in case the server committed late writes) to {@code t0}; a null
   * watermark is a full pull.
   */
  public static ContactsQuery since(Instant watermark, Duration overlap, Instant t0) {
    if (overlap.isNegative()) {
      throw new ConfigException("the overlap " + overlap + " cannot be negative, e.g. PT5M");
    }
    return between(watermark == null ? null : watermark.minus(overlap), t0);
  }

  /** The same window in the {@code deleted=true} listing. */
  public ContactsQuery deletedOnly() {
    return new ContactsQuery(after, before, true, uuid);
  }

  /**
   * The URL of the first page on the server at {@code api} (as normalised by {@link ApiConfig}).
   */
  public URI firstPage(URI api) {
    return page(api, true);
  }

  /** The URL of the first page newest first (RapidPro's default order). */
  public URI newestFirstPage(URI api) {
    return page(api, false);
  }

  private URI page(URI api, boolean oldestFirst) {
    StringBuilder query = new StringBuilder(oldestFirst ? "reverse=true" : "");
    QueryStrings.param(query, "before", Timestamps.format(before));
    if (after != null) {
      QueryStrings.param(query, "after", Timestamps.format(after));
    }
    if (deleted) {
      QueryStrings.param(query, "deleted", "true");
    }
    if (uuid != null) {
      QueryStrings.param(query, "uuid", uuid);
    }
    return URI.create(ApiAddress.base(api) + "/api/v2/contacts.json?" + query);
  }
}
