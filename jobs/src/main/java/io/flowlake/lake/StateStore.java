package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The lake's {@code _state}: the watermark (largest {@code modified_on} merged, never beyond T0)
 * and the history of pulls, one JSON file each. Written only after the data it describes is
 * committed, and each file replaced by an atomic rename, so a pull killed at any moment leaves
 * either the old state or the new one, never a torn file. Holds no secret.
 */
public final class StateStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final LakePaths paths;
  private final Configuration conf;

  public StateStore(LakePaths paths, Configuration conf) {
    this.paths = paths;
    this.conf = conf;
  }

  /** The watermark of the last completed pull, or empty before the first. */
  public Optional<Instant> watermark() {
    return read(new Path(paths.state(), "state.json"))
        .map(state -> instant(state.get("watermark")));
  }

  /** Records a finished pull: its history line first, then the new watermark. */
  public void commit(PullRecord pull) {
    log(pull);
    if (pull.watermarkAfter() != null) {
      ObjectNode state = JSON.createObjectNode();
      state.put("watermark", pull.watermarkAfter().toString());
      state.put("t0", pull.t0().toString());
      state.put("last_pull_id", pull.pullId());
      write(new Path(paths.state(), "state.json"), state);
    }
  }

  /**
   * Adds {@code pull}'s line to the history alone, the watermark left as it is: for a run that
   * asked the workspace and found nothing new without pulling.
   */
  public void log(PullRecord pull) {
    write(
        new Path(
            paths.state(),
            "pulls/" + pull.startedAt().toEpochMilli() + "-" + pull.pullId() + ".json"),
        toJson(pull));
  }

  /**
   * Records that a long pull has merged every run up to {@code watermark} (a chunk of its windows),
   * so a pull killed later resumes from there instead of from the start. {@code resumesFull} marks
   * a full pull's progress: the pull that finishes it is still a full one.
   */
  public void checkpoint(String pullId, Instant t0, Instant watermark, boolean resumesFull) {
    ObjectNode state = JSON.createObjectNode();
    state.put("watermark", watermark.toString());
    state.put("t0", t0.toString());
    state.put("last_pull_id", pullId);
    state.put("unfinished_full_pull", resumesFull);
    write(new Path(paths.state(), "state.json"), state);
  }

  /** Whether the last pull was a full one that stopped after a checkpoint. */
  public boolean unfinishedFullPull() {
    return read(new Path(paths.state(), "state.json"))
        .map(state -> state.path("unfinished_full_pull").asBoolean(false))
        .orElse(false);
  }

  /** Every recorded pull, oldest first. */
  public List<PullRecord> history() {
    Path dir = new Path(paths.state(), "pulls");
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return List.of();
      }
      FileStatus[] files = fs.listStatus(dir, p -> p.getName().endsWith(".json"));
      Arrays.sort(files, (a, b) -> compareNames(a.getPath().getName(), b.getPath().getName()));
      List<PullRecord> pulls = new ArrayList<>();
      for (FileStatus file : files) {
        try (InputStream in = fs.open(file.getPath())) {
          pulls.add(fromJson(JSON.readTree(in)));
        }
      }
      return pulls;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the pull history in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static int compareNames(String a, String b) {
    long ta = Long.parseLong(a.substring(0, a.indexOf('-')));
    long tb = Long.parseLong(b.substring(0, b.indexOf('-')));
    return ta != tb ? Long.compare(ta, tb) : a.compareTo(b);
  }

  /** The JSON in {@code file}, or empty when there is no such file yet. */
  Optional<JsonNode> read(Path file) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        return Optional.of(JSON.readTree(in));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the lake state " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces {@code target} atomically (write aside, then rename over it). */
  void write(Path target, JsonNode content) {
    Path temp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.mkdirs(target.getParent());
      try (OutputStream out = fs.create(temp, true)) {
        out.write(
            JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(content)
                .getBytes(StandardCharsets.UTF_8));
      }
      FileContext.getFileContext(target.toUri(), conf)
          .rename(temp, target, Options.Rename.OVERWRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the lake state " + target + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode toJson(PullRecord p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("pull_id", p.pullId());
    n.put("kind", p.kind());
    n.put("started_at", text(p.startedAt()));
    n.put("finished_at", text(p.finishedAt()));
    n.put("seconds", p.seconds());
    n.put("t0", text(p.t0()));
    n.put("after", text(p.after()));
    n.put("watermark_before", text(p.watermarkBefore()));
    n.put("watermark_after", text(p.watermarkAfter()));
    n.put("requests", p.requests());
    n.put("pages", p.pages());
    n.put("runs_fetched", p.runsFetched());
    n.put("rejects", p.rejects());
    n.put("throttled", p.throttled());
    n.put("retries", p.retries());
    n.put("months_touched", p.monthsTouched());
    p.countMismatches().forEach(n.putArray("count_mismatches")::add);
    if (p.contacts() != null) {
      ObjectNode contacts = n.putObject("contacts");
      contacts.put("contacts", p.contacts().contacts());
      contacts.put("rejects", p.contacts().rejects());
      contacts.put("fields", p.contacts().fields());
      contacts.put("groups", p.contacts().groups());
    }
    n.put("contacts_erased", p.contactsErased());
    return n;
  }

  private static PullRecord fromJson(JsonNode n) {
    return new PullRecord(
        n.path("pull_id").asText(),
        n.path("kind").asText(),
        instant(n.get("started_at")),
        instant(n.get("finished_at")),
        instant(n.get("t0")),
        instant(n.get("after")),
        instant(n.get("watermark_before")),
        instant(n.get("watermark_after")),
        n.path("requests").asLong(),
        n.path("pages").asLong(),
        n.path("runs_fetched").asLong(),
        n.path("rejects").asLong(),
        n.path("throttled").asLong(),
        n.path("retries").asLong(),
        n.path("months_touched").asInt(),
        texts(n.get("count_mismatches")),
        contacts(n.get("contacts")),
        n.path("contacts_erased").asLong());
  }

  private static ContactsRecord contacts(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return new ContactsRecord(
        n.path("contacts").asLong(),
        n.path("rejects").asLong(),
        n.path("fields").asInt(),
        n.path("groups").asInt());
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) {
      n.forEach(item -> out.add(item.asText()));
    }
    return out;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.parse(n.asText());
  }
}
