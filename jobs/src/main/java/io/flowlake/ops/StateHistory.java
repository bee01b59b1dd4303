package io.flowlake.ops;

import io.flowlake.lake.LakePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files the lake gains in {@code _state} with every run: a pull record in {@code pulls/} and a
 * run report in {@code runs/}, each named {@code <start-millis>-<id>.json}. A vacuum keeps them as
 * long as the versions it keeps ({@code --retention}), so a year of scheduled runs does not leave a
 * year of small files; the newest {@link #ALWAYS_KEPT} of each stay whatever their age, so even
 * {@code --retention 0s} leaves what the last runs did.
 */
public final class StateHistory {

  /** Pull records and run reports kept whatever their age. */
  public static final int ALWAYS_KEPT = 10;

  /** Where {@code StateStore} keeps the pull records. */
  private static final String PULLS = "pulls";

  private final List<Path> dirs;
  private final Configuration conf;

  public StateHistory(LakePaths lake, Configuration conf) {
    this.dirs = List.of(new Path(lake.state(), PULLS), new Path(lake.state(), RunReportStore.DIR));
    this.conf = conf;
  }

  /**
   * Removes the records that started before {@code now - retention}, except the newest {@link
   * #ALWAYS_KEPT} of each kind; returns how many it removed.
   */
  public int trim(Duration retention, Instant now) {
    long cutoff = now.minus(retention).toEpochMilli();
    int removed = 0;
    for (Path dir : dirs) {
      try {
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.isDirectory(dir)) {
          continue;
        }
        FileStatus[] records = fs.listStatus(dir, p -> startMillis(p.getName()) >= 0);
        Arrays.sort(records, Comparator.comparingLong(f -> startMillis(f.getPath().getName())));
        for (int i = 0; i < records.length - ALWAYS_KEPT; i++) {
          Path record = records[i].getPath();
          if (startMillis(record.getName()) < cutoff && fs.delete(record, false)) {
            removed++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot trim the lake's history in " + dir + ": " + e.getMessage(), e);
      }
    }
    return removed;
  }

  /** The start time a record's name begins with, or -1 for any other file. */
  private static long startMillis(String name) {
    int dash = name.indexOf('-');
    if (!name.endsWith(".json") || dash < 1) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, dash));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
