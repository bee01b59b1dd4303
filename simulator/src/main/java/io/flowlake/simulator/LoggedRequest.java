package io.flowlake.simulator;

import java.time.Instant;

/**
 * A request the server answered: when it arrived, its path and raw query, and the status sent (0
 * for a dropped connection). Headers, and so the token, are never kept.
 */
public record LoggedRequest(Instant at, String pathAndQuery, int status) {}
