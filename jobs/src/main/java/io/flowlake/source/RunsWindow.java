package io.flowlake.source;

import java.time.Instant;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One {@code modified_on} window, both bounds inclusive as the API's are (docs/rapidpro-api.md
 * §2.6): the unit of parallelism and of retry. {@code after} is null for "from the beginning".
 */
public record RunsWindow(int index, Instant after, Instant before) implements InputPartition {}
