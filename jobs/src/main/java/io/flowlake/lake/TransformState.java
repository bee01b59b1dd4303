package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * What the marts were last computed from, in {@code _state/transform.json}: the Delta version of
 * each source table read, and a fingerprint of everything else that shapes the marts (the models'
 * SQL, their schema version, the segment settings). Written atomically ({@link StateStore#write})
 * and only after every mart is committed, so a transform killed midway leaves the previous mark and
 * the next transform recomputes at least what changed since then.
 */
public final class TransformState {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final StateStore store;
  private final Path file;

  public TransformState(LakePaths paths, Configuration conf) {
    this.store = new StateStore(paths, conf);
    this.file = new Path(paths.state(), "transform.json");
  }

  /**
   * @param versions each source table's Delta version, by table name; a table the lake did not have
   *     is absent
   * @param fingerprint equal for two transforms whose marts are shaped the same way
   * @param runValuesInStep whether {@code run_values} reflected every run of {@code runs} at the
   *     versions read: no pull was between its merge and its refresh ({@link RunValuesPending}).
   *     False for a record written before flowlake recorded it: not known
   */
  public record Mark(Map<String, Long> versions, String fingerprint, boolean runValuesInStep) {

    public Mark {
      versions = Map.copyOf(versions);
    }
  }

  /** The last transform's mark, or empty before the first (or on a lake older than marks). */
  public Optional<Mark> mark() {
    return store.read(file).map(TransformState::fromJson);
  }

  /** Records that every mart now reflects {@code mark}. */
  public void commit(Mark mark) {
    ObjectNode state = JSON.createObjectNode();
    ObjectNode versions = state.putObject("versions");
    new TreeMap<>(mark.versions()).forEach(versions::put);
    state.put("fingerprint", mark.fingerprint());
    state.put("run_values_in_step", mark.runValuesInStep());
    store.write(file, state);
  }

  private static Mark fromJson(JsonNode n) {
    Map<String, Long> versions = new TreeMap<>();
    n.path("versions")
        .fields()
        .forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asLong()));
    return new Mark(
        versions, n.path("fingerprint").asText(""), n.path("run_values_in_step").asBoolean(false));
  }
}
