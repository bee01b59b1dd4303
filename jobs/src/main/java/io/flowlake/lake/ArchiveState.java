package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowlake.api.ArchiveInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code _state/archives.json}: the archives merged into the lake, by type, period, start date and
 * hash. An archive is recorded only after its runs are committed; one RapidPro rewrote since (a new
 * hash) or added counts as not merged, so a backfill downloads exactly those. Written atomically.
 */
public final class ArchiveState {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final StateStore store;

  public ArchiveState(LakePaths paths, Configuration conf) {
    this.file = new Path(paths.state(), "archives.json");
    this.store = new StateStore(paths, conf);
  }

  /** The identity an archive is remembered by: a rewrite changes its hash. */
  public static String key(ArchiveInfo a) {
    return key(a.type(), a.period(), a.startDate(), a.hash());
  }

  private static String key(String type, String period, String startDate, String hash) {
    return type + "/" + period + "/" + startDate + "/" + hash;
  }

  /** Of {@code listed}, the non-empty archives not merged yet, in the listing's order. */
  public List<ArchiveInfo> pending(List<ArchiveInfo> listed) {
    Map<String, JsonNode> merged = merged();
    return listed.stream()
        .filter(a -> a.recordCount() > 0)
        .filter(a -> !merged.containsKey(key(a)))
        .toList();
  }

  /** Records {@code archives} as merged at {@code at}, keeping what was recorded before. */
  public void recordMerged(List<ArchiveInfo> archives, Instant at) {
    Map<String, JsonNode> merged = merged();
    for (ArchiveInfo a : archives) {
      ObjectNode n = JSON.createObjectNode();
      n.put("type", a.type());
      n.put("period", a.period());
      n.put("start_date", a.startDate());
      n.put("hash", a.hash());
      n.put("record_count", a.recordCount());
      n.put("merged_at", at.toString());
      merged.put(key(a), n);
    }
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("merged");
    merged.values().forEach(list::add);
    store.write(file, root);
  }

  /** Every archive recorded as merged, oldest record first. */
  public List<JsonNode> entries() {
    return new ArrayList<>(merged().values());
  }

  private Map<String, JsonNode> merged() {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    for (JsonNode n :
        store.read(file).map(root -> root.path("merged")).orElse(JSON.createArrayNode())) {
      merged.put(
          key(
              n.path("type").asText(),
              n.path("period").asText(),
              n.path("start_date").asText(),
              n.path("hash").asText()),
          n);
    }
    return merged;
  }
}
