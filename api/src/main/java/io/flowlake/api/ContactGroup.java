package io.flowlake.api;

import java.io.Serializable;

/**
 * A contact group, as {@code /api/v2/groups.json} lists it.
 *
 * @param query the smart group's query, or null for a manual group
 * @param status ready, evaluating or invalid (initializing groups are not listed)
 * @param system whether RapidPro made it (e.g. "Open Tickets") and it cannot be edited
 * @param count its members now
 */
public record ContactGroup(
    String uuid, String name, String query, String status, boolean system, long count)
    implements Serializable {}
