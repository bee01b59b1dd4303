package io.flowlake.lake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * How far RapidPro's list of deleted contacts has been mirrored: the newest {@code modified_on}
 * (deletion time) erased, in {@code _state/deletions.json}, apart from the runs' watermark. It is
 * written only after the erasure it stands for, so a pull killed before re-lists those deletions.
 */
public final class DeletionsWatermark {

  private final StateStore state;
  private final Path file;

  public DeletionsWatermark(LakePaths paths, Configuration conf) {
    this.state = new StateStore(paths, conf);
    this.file = new Path(paths.state(), "deletions.json");
  }

  /** The newest deletion erased, or empty before the first. */
  public Optional<Instant> get() {
    return state.read(file).map(json -> json.path("watermark").asText(null)).map(Instant::parse);
  }

  public void set(Instant watermark) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("watermark", watermark.toString());
    state.write(file, json);
  }
}
