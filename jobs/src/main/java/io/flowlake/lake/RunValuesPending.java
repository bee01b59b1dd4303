package io.flowlake.lake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A mark, {@code _state/run_values-pending.json}, that {@code runs} may hold changes {@code
 * run_values} does not reflect yet: set before a merge into {@code runs}, cleared once {@code
 * run_values} is refreshed. A pull killed between the two leaves it set, and the next pull merges
 * what it reads again instead of skipping the runs the lake already holds ({@link HeldRuns}): that
 * re-merge is what tells it which months of {@code run_values} to rebuild.
 */
public final class RunValuesPending {

  private final StateStore store;
  private final Configuration conf;
  private final Path file;

  public RunValuesPending(LakePaths paths, Configuration conf) {
    this.store = new StateStore(paths, conf);
    this.conf = conf;
    this.file = new Path(paths.state(), "run_values-pending.json");
  }

  /** True when a merge into runs was not followed by its run_values refresh. */
  public boolean isSet() {
    return store.read(file).isPresent();
  }

  public void set() {
    store.write(file, JsonNodeFactory.instance.objectNode().put("since", "merge into runs"));
  }

  public void clear() {
    try {
      file.getFileSystem(conf).delete(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the lake state " + file, e);
    }
  }
}
