package io.flowlake.api;

import java.io.Serializable;

/**
 * A record that was JSON but not a run we can store.
 *
 * @param raw the record's exact JSON text as the server sent it
 * @param reason why it was rejected, one short line
 */
public record RejectedRecord(String raw, String reason) implements Serializable {}
