package io.flowlake.pull;

import io.flowlake.config.ConfigException;
import io.flowlake.lake.LakePaths;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Checks before any request that the lake can be written, so a bad path fails in a second. */
final class LakeAccess {

  static void requireWritable(LakePaths paths, Configuration conf) {
    Path probe = new Path(paths.root(), "_state/.write-probe");
    try {
      FileSystem fs = probe.getFileSystem(conf);
      fs.mkdirs(probe.getParent());
      fs.create(probe, true).close();
      fs.delete(probe, false);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "cannot write to the lake "
              + paths.root()
              + " ("
              + oneLine(e)
              + "): give a writable --lake");
    }
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private LakeAccess() {}
}
