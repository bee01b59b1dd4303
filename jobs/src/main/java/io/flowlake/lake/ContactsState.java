package io.flowlake.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The contacts' own watermark in {@code _state/contacts.json}: the largest contact {@code
 * modified_on} merged (never beyond the pull's T0), and the field selection the {@code contacts}
 * rows were kept under, with each kept field's type (what {@code --segment-by} is checked against
 * before Spark starts). Written atomically ({@link StateStore#write}) and only after the contacts
 * are merged, so a pull killed before it re-reads the same contacts next time.
 */
public final class ContactsState {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final StateStore store;
  private final Path file;

  public ContactsState(LakePaths paths, Configuration conf) {
    this.store = new StateStore(paths, conf);
    this.file = new Path(paths.state(), "contacts.json");
  }

  /** What the last contacts landing recorded. */
  public record Mark(Instant watermark, String fields) {}

  /** The last landing's mark, or empty before the first. */
  public Optional<Mark> mark() {
    return store
        .read(file)
        .map(n -> new Mark(Instant.parse(n.get("watermark").asText()), text(n.get("fields"))));
  }

  /**
   * The type of each field the last landing kept, by key; empty before the first landing or for a
   * lake landed before types were recorded.
   */
  public Optional<Map<String, String>> keptFieldTypes() {
    return store
        .read(file)
        .filter(n -> n.has("field_types"))
        .map(
            n -> {
              Map<String, String> types = new LinkedHashMap<>();
              n.get("field_types")
                  .fields()
                  .forEachRemaining(e -> types.put(e.getKey(), e.getValue().asText()));
              return types;
            });
  }

  /**
   * Records a landing: contacts merged up to {@code watermark}, fields kept as {@code fields}, of
   * the types {@code keptTypes} (by key).
   */
  public void commit(
      String pullId, Instant t0, Instant watermark, String fields, Map<String, String> keptTypes) {
    ObjectNode state = JSON.createObjectNode();
    state.put("watermark", watermark.toString());
    state.put("t0", t0.toString());
    state.put("fields", fields);
    ObjectNode types = state.putObject("field_types");
    keptTypes.forEach(types::put);
    state.put("last_pull_id", pullId);
    store.write(file, state);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "" : n.asText();
  }
}
