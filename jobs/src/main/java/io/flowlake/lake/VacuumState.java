package io.flowlake.lake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code <lake>/_state/vacuum.json}: when the lake's vacuum cadence counts from, that is its last
 * vacuum or, before any, the first run that kept a cadence. Replaced atomically like every state
 * file ({@link StateStore}); written after the vacuum it records, so a vacuum killed half-way is
 * simply due again.
 */
public final class VacuumState {

  static final String FILE = "vacuum.json";

  private final StateStore store;
  private final Path file;

  public VacuumState(LakePaths paths, Configuration conf) {
    this.store = new StateStore(paths, conf);
    this.file = new Path(paths.state(), FILE);
  }

  /** The instant the cadence counts from, or empty on a lake that never kept one. */
  public Optional<Instant> since() {
    return store.read(file).map(state -> Instant.parse(state.get("since").asText()));
  }

  /** Starts the cadence at {@code now} on a lake that has none: nothing was vacuumed. */
  public void start(Instant now) {
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.put("since", now.toString());
    state.putNull("last_vacuum_at");
    store.write(file, state);
  }

  /** Records a finished vacuum of {@code tables} tables to {@code retention}. */
  public void vacuumed(Instant at, Duration retention, int tables) {
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.put("since", at.toString());
    state.put("last_vacuum_at", at.toString());
    state.put("retention", retention.toString());
    state.put("tables", tables);
    store.write(file, state);
  }
}
