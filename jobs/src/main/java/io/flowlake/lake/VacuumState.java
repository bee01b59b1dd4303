package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code <lake>/_state/vacuum.json}: when the lake's vacuum cadence counts from, that is its last
 * vacuum or, before any, the first run that kept a cadence; and what the last vacuum left of each
 * table ({@link VacuumMark}), so the next one skips what did not change. Replaced atomically like
 * every state file ({@link StateStore}); written after the vacuum it records, so a vacuum killed
 * half-way is simply due again, for every table it had not recorded yet.
 */
public final class VacuumState {

  static final String FILE = "vacuum.json";
  private static final String MARKS = "table_marks";

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

  /**
   * Each table's mark from the last vacuum, by its path under the lake's root; empty on a lake
   * never vacuumed, or last vacuumed by a flowlake that kept no marks (its next vacuum does all).
   */
  public Map<String, VacuumMark> marks() {
    Map<String, VacuumMark> marks = new LinkedHashMap<>();
    store
        .read(file)
        .map(state -> state.path(MARKS))
        .ifPresent(
            tables ->
                tables.fields().forEachRemaining(t -> marks.put(t.getKey(), mark(t.getValue()))));
    return marks;
  }

  /** Starts the cadence at {@code now} on a lake that has none: nothing was vacuumed. */
  public void start(Instant now) {
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.put("since", now.toString());
    state.putNull("last_vacuum_at");
    store.write(file, state);
  }

  /** Records a vacuum to {@code retention} finished at {@code at}. */
  public void vacuumed(Instant at, Duration retention, VacuumResult result) {
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    state.put("since", at.toString());
    state.put("last_vacuum_at", at.toString());
    state.put("retention", retention.toString());
    state.put("tables", result.vacuumed());
    state.put("skipped", result.skipped());
    ObjectNode tables = state.putObject(MARKS);
    new TreeMap<>(result.marks()).forEach((table, mark) -> json(tables.putObject(table), mark));
    store.write(file, state);
  }

  private static void json(ObjectNode node, VacuumMark mark) {
    node.put("version", mark.version());
    node.put("changed_at", mark.changedAt().toString());
    node.put("cutoff", mark.cutoff().toString());
    node.put("retention", mark.retention().toString());
  }

  private static VacuumMark mark(JsonNode node) {
    return new VacuumMark(
        node.path("version").asLong(),
        Instant.parse(node.path("changed_at").asText()),
        Instant.parse(node.path("cutoff").asText()),
        Duration.parse(node.path("retention").asText()));
  }
}
