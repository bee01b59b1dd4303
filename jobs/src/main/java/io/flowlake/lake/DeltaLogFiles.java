package io.flowlake.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads what a transform needs of a Delta table straight from its {@code _delta_log}, as the Delta
 * protocol lays it out: commit {@code N} is the file {@code N.json} (20 digits), one action per
 * line, and the latest commit's file is never removed by log cleanup. Delta's own API answers the
 * same questions through {@code history(1)}, which builds a table snapshot and runs a Spark job:
 * about a second each, paid per source table and per mart on every transform.
 */
public final class DeltaLogFiles {

  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Configuration conf;

  public DeltaLogFiles(Configuration conf) {
    this.conf = conf;
  }

  /**
   * Whether {@code table} holds a Delta table: Delta's {@code isDeltaTable}, without a snapshot.
   */
  public boolean isTable(String table) {
    return latestVersion(table).isPresent();
  }

  /** The table's latest commit version, or empty when {@code table} holds no Delta table. */
  public OptionalLong latestVersion(String table) {
    Path log = new Path(table, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(conf);
      if (!fs.isDirectory(log)) {
        return OptionalLong.empty();
      }
      long latest = -1;
      for (FileStatus file : fs.listStatus(log)) {
        Matcher commit = COMMIT.matcher(file.getPath().getName());
        if (commit.matches()) {
          latest = Math.max(latest, Long.parseLong(commit.group(1)));
        }
      }
      return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }

  /**
   * The operation commit {@code version} recorded ({@code WRITE}, {@code DELETE}, {@code MERGE},
   * ...), or empty when its file is gone (log cleanup) or it recorded none.
   */
  public Optional<String> commitOperation(String table, long version) {
    return commitInfo(table, version)
        .map(info -> info.path("operation"))
        .filter(op -> !op.isMissingNode())
        .map(JsonNode::asText);
  }

  /**
   * Whether the table surely holds no row: it has no commit, or its latest checksum counts no data
   * file. A table whose latest commit has no checksum to say so is taken to hold rows.
   */
  public boolean holdsNoRows(String table) {
    return latestSettings(table).map(TableSettings::empty).orElseGet(() -> !isTable(table));
  }

  /**
   * The table's settings as its latest commit left them ({@link #settings}); empty when the table
   * has no commit.
   */
  public Optional<TableSettings> latestSettings(String table) {
    OptionalLong version = latestVersion(table);
    return version.isEmpty() ? Optional.empty() : settings(table, version.getAsLong());
  }

  /**
   * The table's settings at {@code version}, from that commit's checksum file ({@code N.crc}, which
   * Delta writes after each commit with the table's {@code metadata} and {@code protocol}): the
   * {@code metadata.configuration} properties, the protocol's reader and writer features, the
   * schema and partition columns, the number of data files and of deletion vectors. Empty when the
   * commit has no checksum (a writer with checksums off, or one killed between its commit and the
   * checksum) or one that does not parse: the caller then asks Delta, or takes the safe answer.
   */
  public Optional<TableSettings> settings(String table, long version) {
    Path checksum = new Path(new Path(table, "_delta_log"), String.format("%020d.crc", version));
    try {
      FileSystem fs = checksum.getFileSystem(conf);
      if (!fs.exists(checksum)) {
        return Optional.empty();
      }
      JsonNode crc;
      try (InputStreamReader in =
          new InputStreamReader(fs.open(checksum), StandardCharsets.UTF_8)) {
        crc = JSON.readTree(in);
      } catch (JsonProcessingException e) {
        return Optional.empty(); // a checksum that does not parse proves nothing
      }
      JsonNode configuration = crc.path("metadata").path("configuration");
      JsonNode protocol = crc.path("protocol");
      if (!configuration.isObject() || !protocol.isObject()) {
        return Optional.empty();
      }
      Map<String, String> properties = new HashMap<>();
      configuration
          .fields()
          .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
      Set<String> features = new HashSet<>();
      protocol.path("readerFeatures").forEach(f -> features.add(f.asText()));
      protocol.path("writerFeatures").forEach(f -> features.add(f.asText()));
      List<String> partitionColumns = new ArrayList<>();
      crc.path("metadata").path("partitionColumns").forEach(c -> partitionColumns.add(c.asText()));
      return Optional.of(
          new TableSettings(
              Map.copyOf(properties),
              Set.copyOf(features),
              crc.path("metadata").path("schemaString").asText(""),
              List.copyOf(partitionColumns),
              count(crc, "numFiles"),
              count(crc, "numDeletionVectorsOpt")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + checksum, e);
    }
  }

  private static long count(JsonNode crc, String field) {
    return crc.path(field).isIntegralNumber() ? crc.path(field).asLong() : -1;
  }

  /**
   * A table's properties and protocol features, its schema (Spark's JSON of it, as Delta records
   * it; empty when the checksum did not say) and partition columns, and how many data files and
   * deletion vectors it has (-1 when the checksum did not say), as {@link #settings} read them.
   */
  public record TableSettings(
      Map<String, String> properties,
      Set<String> features,
      String schema,
      List<String> partitionColumns,
      long files,
      long deletionVectors) {

    /** Whether the table records its change data feed. */
    public boolean recordsChanges() {
      return recordsChanges(properties.get(LakeTableCreator.CHANGE_FEED));
    }

    /** Whether a value of the change data feed's property switches it on, as Delta reads it. */
    static boolean recordsChanges(String value) {
      return "true".equalsIgnoreCase(value);
    }

    /** Whether the checksum says the table has no data file, so no row. */
    public boolean empty() {
      return files == 0;
    }

    /**
     * Whether rows may be deleted through deletion vectors, that a purge would rewrite: not when
     * the protocol lacks the feature or the checksum counts no vector.
     */
    public boolean mayHoldDeletionVectors() {
      return features.contains(ReaderFeatures.DELETION_VECTORS_FEATURE) && deletionVectors != 0;
    }
  }

  /**
   * When commit {@code version} was made, as its {@code commitInfo} says (the writer's clock, the
   * same one its removals are stamped with), or empty when its file is gone or it recorded none.
   */
  public Optional<Instant> commitTime(String table, long version) {
    return commitInfo(table, version)
        .map(info -> info.path("timestamp"))
        .filter(JsonNode::isIntegralNumber)
        .map(time -> Instant.ofEpochMilli(time.asLong()));
  }

  /** Commit {@code version}'s {@code commitInfo} action; empty when it has none or is gone. */
  private Optional<JsonNode> commitInfo(String table, long version) {
    JsonNode[] info = new JsonNode[1];
    readActions(
        table,
        version,
        action -> {
          info[0] = action.get("commitInfo");
          return info[0] == null;
        });
    return Optional.ofNullable(info[0]);
  }

  /**
   * Commit {@code version}'s actions, in the file's order, or empty when its file is gone (log
   * cleanup).
   */
  public Optional<List<JsonNode>> commitActions(String table, long version) {
    List<JsonNode> actions = new ArrayList<>();
    return readActions(table, version, actions::add) ? Optional.of(actions) : Optional.empty();
  }

  /**
   * Passes commit {@code version}'s actions to {@code more} until it returns false; false when the
   * commit's file is gone.
   */
  private boolean readActions(String table, long version, Predicate<JsonNode> more) {
    Path commit = commitFile(table, version);
    try {
      FileSystem fs = commit.getFileSystem(conf);
      if (!fs.exists(commit)) {
        return false;
      }
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.isBlank() && !more.test(JSON.readTree(line))) {
            break;
          }
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + commit, e);
    }
  }

  private static Path commitFile(String table, long version) {
    return new Path(new Path(table, "_delta_log"), String.format("%020d.json", version));
  }
}
