package io.flowlake.lake;

import io.flowlake.config.ConfigException;
import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Where each table lives under the lake root. The root is any Hadoop path (a local folder, {@code
 * hdfs://}, {@code s3a://}); nothing here touches {@code java.io.File}.
 */
public record LakePaths(String root) implements Serializable {

  public LakePaths {
    root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
  }

  /**
   * The lake at {@code root}, made absolute and given its file system's scheme ({@code file:/...},
   * {@code hdfs://...}), so every table has one unambiguous location.
   */
  public static LakePaths qualified(String root, Configuration conf) {
    Path path = new Path(root);
    try {
      return new LakePaths(path.getFileSystem(conf).makeQualified(path).toString());
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("--lake " + root + " is not a usable path: " + e.getMessage());
    }
  }

  public String runs() {
    return child(LakeTables.RUNS);
  }

  public String runValues() {
    return child(LakeTables.RUN_VALUES);
  }

  public String rejects() {
    return child(LakeTables.REJECTS);
  }

  public String contacts() {
    return child(LakeTables.CONTACTS);
  }

  public String contactFields() {
    return child(LakeTables.CONTACT_FIELDS);
  }

  public String groups() {
    return child(LakeTables.GROUPS);
  }

  public String tombstones() {
    return child(LakeTables.TOMBSTONES);
  }

  public String state() {
    return child("_state");
  }

  public String staging(String pullId) {
    return child("_staging/" + pullId);
  }

  public String stagingRoot() {
    return child("_staging");
  }

  public String marts() {
    return child("marts");
  }

  public Path rootPath() {
    return new Path(root);
  }

  private String child(String name) {
    return new Path(root, name).toString();
  }
}
