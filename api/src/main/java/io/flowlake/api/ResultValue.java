package io.flowlake.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * A run's current value for one result key (docs/rapidpro-api.md §2.4). {@code input} was removed
 * from the API in Dec 2024 but archives still carry it, so it is nullable; so are {@code name} and
 * {@code category}.
 */
public record ResultValue(
    String name, String value, String category, String node, Instant time, String input)
    implements Serializable {}
