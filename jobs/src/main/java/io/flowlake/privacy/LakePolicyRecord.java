package io.flowlake.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowlake.config.CommandSettings;
import io.flowlake.config.ConfigException;
import io.flowlake.lake.LakePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * The personal-data policy a lake was created with, in {@code <lake>/_state/personal-data.json}:
 * the policy, when it was recorded and, under {@code hash}, the key's check value ({@link
 * PersonalData#keyCheck}), never the key. A lake holds one policy for life: mixing clear names with
 * hashes, or hashes under two keys, would leave it neither private nor joinable.
 *
 * <p>{@link #admit} is the first thing every command that writes runs does, so a refused command
 * changes nothing in the lake.
 */
public final class LakePolicyRecord {

  public static final String FILE = "personal-data.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LakePaths lake;
  private final Configuration conf;
  private final Clock clock;

  public LakePolicyRecord(LakePaths lake, Configuration conf, Clock clock) {
    this.lake = lake;
    this.conf = conf;
    this.clock = clock;
  }

  /**
   * Lets {@code chosen} write to the lake: records it if the lake is new, else checks it against
   * the recorded one.
   *
   * @throws ConfigException (one line: what the lake holds, what to do) for another policy or key,
   *     or for a lake written before policies existed unless {@code chosen} is {@code keep}
   */
  public void admit(PersonalData chosen) {
    Path file = new Path(lake.state(), FILE);
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        if (fs.exists(new Path(lake.runs(), "_delta_log"))
            && chosen.policy() != PersonalDataPolicy.KEEP) {
          throw new ConfigException(
              "this lake was written before --personal-data existed and keeps names and URNs in"
                  + " clear: run with --personal-data keep to go on with it, or pull into a new"
                  + " lake");
        }
        if (record(fs, file, chosen)) {
          return;
        }
      }
      check(read(fs, file), chosen);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read or write the lake's personal-data policy " + file + ": " + e.getMessage(),
          e);
    }
  }

  private static void check(JsonNode recorded, PersonalData chosen) {
    String policy = recorded.path("policy").asText();
    if (!policy.equals(chosen.policy().spelling())) {
      throw new ConfigException(
          "this lake keeps personal data as '"
              + policy
              + "'; run with --personal-data "
              + policy
              + ", or pull into a new lake");
    }
    String keyCheck = recorded.path("key_check").asText(null);
    if (!Objects.equals(keyCheck, chosen.keyCheck())) {
      throw new ConfigException(
          "this lake's personal data is hashed under another key: give the lake's key ("
              + CommandSettings.PII_KEY_ENV
              + " or --pii-key-file), or pull into a new lake");
    }
  }

  /** Writes the record unless another writer did first; false when one was already there. */
  private boolean record(FileSystem fs, Path file, PersonalData chosen) throws IOException {
    ObjectNode content = JSON.createObjectNode();
    content.put("policy", chosen.policy().spelling());
    content.put("recorded_at", clock.instant().toString());
    if (chosen.keyCheck() != null) {
      content.put("key_check", chosen.keyCheck());
    }
    Path temp = new Path(file.getParent(), "." + FILE + "." + System.nanoTime() + ".tmp");
    fs.mkdirs(file.getParent());
    try (OutputStream out = fs.create(temp, false)) {
      out.write(
          JSON.writerWithDefaultPrettyPrinter()
              .writeValueAsString(content)
              .getBytes(StandardCharsets.UTF_8));
    }
    try { // refuses to replace: when two first pulls race, the first one's record wins
      FileContext.getFileContext(file.toUri(), conf).rename(temp, file, Options.Rename.NONE);
      return true;
    } catch (FileAlreadyExistsException e) {
      fs.delete(temp, false);
      return false;
    }
  }

  private static JsonNode read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return JSON.readTree(in);
    }
  }
}
