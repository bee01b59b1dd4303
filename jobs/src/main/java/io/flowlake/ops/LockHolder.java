package io.flowlake.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Who holds a lake's lock: enough to tell a live holder from a dead one, and for a person to find
 * the process.
 *
 * @param heartbeat the lock file's modification time, refreshed while the holder lives
 */
public record LockHolder(
    String runId, String command, long pid, String host, Instant startedAt, Instant heartbeat) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static LockHolder current(String runId, String command) {
    Instant now = Instant.now();
    return new LockHolder(runId, command, ProcessHandle.current().pid(), Hosts.name(), now, now);
  }

  /**
   * A holder is dead when its heartbeat is older than the lease, or, on this host, when its process
   * is gone: a SIGKILLed run is noticed at once, not a lease later.
   */
  boolean isStale(Instant now, Duration lease) {
    if (heartbeat.plus(lease).isBefore(now)) {
      return true;
    }
    return host.equals(Hosts.name()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  byte[] toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("run_id", runId);
    n.put("command", command);
    n.put("pid", pid);
    n.put("host", host);
    n.put("started_at", startedAt.toString());
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The holder written in a lock file; a file that cannot be read as one counts as stale. */
  static LockHolder fromJson(byte[] content, Instant heartbeat) {
    try {
      JsonNode n = JSON.readTree(content);
      return new LockHolder(
          n.path("run_id").asText("?"),
          n.path("command").asText("?"),
          n.path("pid").asLong(-1),
          n.path("host").asText("?"),
          Instant.parse(n.path("started_at").asText()),
          heartbeat);
    } catch (IOException | RuntimeException e) {
      return new LockHolder("unreadable", "?", -1, "?", Instant.EPOCH, Instant.EPOCH);
    }
  }

  /** For messages: "run 2026-...-ab12 (run, pid 4242 on host x, started 2026-...Z)". */
  public String describe() {
    return "run "
        + runId
        + " ("
        + command
        + ", pid "
        + pid
        + " on "
        + host
        + ", started "
        + startedAt
        + ")";
  }
}
