package io.flowlake.api;

import java.io.Serializable;
import java.time.Instant;

/** One step of a run's path: the node it entered and when. */
public record PathStep(String node, Instant time) implements Serializable {}
