package io.flowlake.ops;

import io.flowlake.lake.LakePaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code <lake>/_state/runs/<started-millis>-<run id>.json}: one report per run, names sorting in
 * start order, so the newest is the last one listed.
 */
public final class RunReportStore {

  public static final String DIR = "runs";

  private final Path dir;
  private final Configuration conf;

  public RunReportStore(LakePaths lake, Configuration conf) {
    this.dir = new Path(lake.state(), DIR);
    this.conf = conf;
  }

  public Path write(RunReport report, long startedMillis) {
    Path file = new Path(dir, startedMillis + "-" + report.runId() + ".json");
    try {
      FileSystem fs = file.getFileSystem(conf);
      try (OutputStream out = fs.create(file, true)) {
        out.write(report.toJson().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run report " + file, e);
    }
  }
}
