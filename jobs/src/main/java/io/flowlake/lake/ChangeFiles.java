package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The files that hold a Delta table's change data feed between two versions, read from the commits
 * in its {@code _delta_log} as the Delta protocol's "Change Data Files" section lays them out: a
 * commit that wrote {@code cdc} files has its changes in those files only (each row with its {@code
 * _change_type}); any other commit's changes are the rows of the files it added (inserts) and
 * removed (deletes) with {@code dataChange} true, and a commit that changed no data (a compaction,
 * a property) has none.
 *
 * <p>What Delta's own reader would derive some other way is not answered here, so the caller reads
 * the feed through Delta instead: a commit file gone (log cleanup), a file added or removed with a
 * deletion vector outside a commit with {@code cdc} files (Delta then diffs the vectors), a schema
 * change within the range, the feed switched off within it. The caller checks the table's settings
 * at both ends of the range: the feed on, no column mapping.
 */
public final class ChangeFiles {

  /**
   * How a file's rows are changes: its own {@code _change_type}, or all inserts, or all deletes.
   */
  public enum Kind {
    CHANGES,
    INSERTED,
    DELETED
  }

  /**
   * @param path the file's path from the table's folder, as the commit names it (URL-encoded)
   * @param partition the table's partition values of the file's rows, as text (null: no value)
   * @param bytes the file's size
   */
  public record ChangeFile(
      long version, String path, Map<String, String> partition, Kind kind, long bytes) {}

  private final DeltaLogFiles log;

  public ChangeFiles(Configuration conf) {
    this.log = new DeltaLogFiles(conf);
  }

  /**
   * The change files of commits {@code after + 1} to {@code upTo} of the table at {@code table},
   * whose schema at {@code upTo} is {@code schemaJson}; empty when one of them is not answered here
   * (see the class comment).
   */
  public Optional<List<ChangeFile>> between(
      String table, long after, long upTo, String schemaJson) {
    List<ChangeFile> files = new ArrayList<>();
    for (long version = after + 1; version <= upTo; version++) {
      Optional<List<ChangeFile>> commit = commit(table, version, schemaJson);
      if (commit.isEmpty()) {
        return Optional.empty();
      }
      files.addAll(commit.get());
    }
    return Optional.of(files);
  }

  private Optional<List<ChangeFile>> commit(String table, long version, String schemaJson) {
    Optional<List<JsonNode>> commit = log.commitActions(table, version);
    if (commit.isEmpty()) {
      return Optional.empty();
    }
    List<JsonNode> actions = commit.get();
    List<ChangeFile> cdc = new ArrayList<>();
    List<ChangeFile> whole = new ArrayList<>();
    boolean vectors = false;
    for (JsonNode action : actions) {
      JsonNode metadata = action.path("metaData");
      if (!metadata.isMissingNode()
          && (!schemaJson.equals(metadata.path("schemaString").asText())
              || !recordsChanges(metadata.path("configuration")))) {
        // the schema changed (Delta knows how to read it), or the feed was switched off (Delta
        // refuses the range; whole files would net to the same change, but say it as Delta does)
        return Optional.empty();
      }
      JsonNode file = action.has("cdc") ? action.get("cdc") : null;
      if (file != null) {
        cdc.add(file(version, file, Kind.CHANGES));
        continue;
      }
      Kind kind = action.has("add") ? Kind.INSERTED : action.has("remove") ? Kind.DELETED : null;
      if (kind == null) {
        continue;
      }
      file = action.get(kind == Kind.INSERTED ? "add" : "remove");
      if (!file.path("dataChange").asBoolean(true)) {
        continue; // a compaction's rewrite: the same rows
      }
      vectors |= file.hasNonNull("deletionVector");
      whole.add(file(version, file, kind));
    }
    if (!cdc.isEmpty()) {
      return Optional.of(cdc);
    }
    if (vectors || whole.stream().anyMatch(f -> f.bytes() < 0)) {
      return Optional.empty();
    }
    return Optional.of(whole);
  }

  /** Whether a commit's table properties switch the change data feed on. */
  private static boolean recordsChanges(JsonNode configuration) {
    return DeltaLogFiles.TableSettings.recordsChanges(
        configuration.path(LakeTableCreator.CHANGE_FEED).asText(null));
  }

  private static ChangeFile file(long version, JsonNode file, Kind kind) {
    Map<String, String> partition = new HashMap<>();
    file.path("partitionValues")
        .fields()
        .forEachRemaining(
            e -> partition.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    long bytes = file.path("size").isIntegralNumber() ? file.path("size").asLong() : -1;
    return new ChangeFile(
        version, file.path("path").asText(), Collections.unmodifiableMap(partition), kind, bytes);
  }
}
