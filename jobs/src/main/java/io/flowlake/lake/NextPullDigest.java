package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * {@code _state/next-pull.json}: what the next incremental pull's re-reads will return if the
 * workspace has not changed since the pull {@code pullId}, so that a {@code run} can tell "nothing
 * new" over plain HTTP before it starts Spark. Written after that pull's state commit; it counts
 * only while {@code state.json} still names the same pull and watermark ({@link #matches}), so a
 * later pull, even one killed midway, makes it stale rather than wrong. Holds no personal data:
 * uuids and times only, hashed ({@link OverlapDigest}).
 *
 * @param pullId the pull it describes
 * @param watermark that pull's runs watermark
 * @param runs the runs modified in [watermark − overlap, now], as the lake holds them
 * @param contacts the contacts modified in [contacts watermark − overlap, now]; null when the pull
 *     skipped contacts
 * @param definitions SHA-256 of the contact field and group lists read; null with contacts skipped
 * @param deletions the deleted contacts listed since the deletions watermark less the overlap; null
 *     when that listing had records that did not parse (the next pull lists them again)
 * @param tables the Delta version of each pulled table the digest was read from, by name: a lake
 *     changed since (by any command) no longer matches it
 */
public record NextPullDigest(
    String pullId,
    Instant watermark,
    OverlapDigest runs,
    OverlapDigest contacts,
    String definitions,
    OverlapDigest deletions,
    Map<String, Long> tables) {

  public NextPullDigest {
    tables = Map.copyOf(tables);
  }

  static final String FILE = "next-pull.json";

  /** Whether {@code state.json} still says what this digest was recorded for. */
  public boolean matches(String lastPullId, Instant stateWatermark) {
    return pullId.equals(lastPullId) && watermark.equals(stateWatermark);
  }

  /** Reads and writes the file. */
  public static final class Store {
    private final StateStore store;
    private final Configuration conf;
    private final Path file;

    public Store(LakePaths paths, Configuration conf) {
      this.store = new StateStore(paths, conf);
      this.conf = conf;
      this.file = new Path(paths.state(), FILE);
    }

    public Optional<NextPullDigest> read() {
      return store.read(file).map(Store::fromJson);
    }

    /** The {@code last_pull_id} of {@code state.json}, empty before the first pull. */
    public Optional<String> lastPullId() {
      return store
          .read(new Path(file.getParent(), "state.json"))
          .map(n -> n.path("last_pull_id").asText(null));
    }

    public void write(NextPullDigest digest) {
      ObjectNode n = JsonNodeFactory.instance.objectNode();
      n.put("pull_id", digest.pullId());
      n.put("watermark", digest.watermark().toString());
      n.set("runs", digest.runs().toJson());
      n.set("contacts", digest.contacts() == null ? null : digest.contacts().toJson());
      n.put("definitions", digest.definitions());
      n.set("deletions", digest.deletions() == null ? null : digest.deletions().toJson());
      new TreeMap<>(digest.tables()).forEach(n.putObject("tables")::put);
      store.write(file, n);
    }

    /** Removes the file: what a pull does when it cannot say what its re-read will return. */
    public void clear() {
      try {
        file.getFileSystem(conf).delete(file, false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the lake state " + file, e);
      }
    }

    private static NextPullDigest fromJson(JsonNode n) {
      JsonNode definitions = n.get("definitions");
      Map<String, Long> tables = new TreeMap<>();
      n.path("tables")
          .fields()
          .forEachRemaining(e -> tables.put(e.getKey(), e.getValue().asLong()));
      return new NextPullDigest(
          n.path("pull_id").asText(),
          Instant.parse(n.path("watermark").asText()),
          OverlapDigest.fromJson(n.get("runs")),
          OverlapDigest.fromJson(n.get("contacts")),
          definitions == null || definitions.isNull() ? null : definitions.asText(),
          OverlapDigest.fromJson(n.get("deletions")),
          tables);
    }
  }
}
