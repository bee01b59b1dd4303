package io.flowlake.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One contact as {@code /api/v2/contacts.json} describes it (RapidPro's {@code
 * ContactReadSerializer}; docs/rapidpro-contacts.md).
 *
 * <p>A deleted contact ({@code deleted}, listed only with {@code deleted=true}) keeps its {@code
 * uuid}, {@code createdOn} and {@code modifiedOn} (the deletion time); its {@code name}, {@code
 * status}, {@code language}, {@code flow} and {@code lastSeenOn} are null and its lists and {@code
 * fields} empty. {@code ref} is set only in anonymous workspaces, whose {@code urns} are masked
 * ({@code tel:********}). {@code fields} maps every field key of the workspace to its value as the
 * server serialises it (a string: numbers as decimal text, dates as ISO 8601 with the workspace's
 * offset, locations as paths such as {@code Rwanda > Kigali City > Nyarugenge}) or to null.
 *
 * @param status active, blocked, stopped or archived; null only when deleted
 * @param language ISO 639-3 code, or null
 * @param flow the flow the contact is waiting in, or null
 */
public record ContactRecord(
    String uuid,
    String name,
    String ref,
    String status,
    String language,
    List<String> urns,
    List<NamedRef> groups,
    Map<String, String> fields,
    NamedRef flow,
    Instant createdOn,
    Instant modifiedOn,
    Instant lastSeenOn,
    boolean deleted)
    implements Serializable {

  /** The statuses RapidPro sends for a contact that is not deleted. */
  public static final List<String> STATUSES = List.of("active", "blocked", "stopped", "archived");

  public ContactRecord {
    urns = urns == null ? List.of() : List.copyOf(urns);
    groups = groups == null ? List.of() : List.copyOf(groups);
    // Values may be null, which Map.copyOf refuses; the order is the server's.
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
