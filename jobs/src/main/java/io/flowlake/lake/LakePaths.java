package io.flowlake.lake;

import java.io.Serializable;
import org.apache.hadoop.fs.Path;

/**
 * Where each table lives under the lake root. The root is any Hadoop path (a local folder, {@code
 * hdfs://}, {@code s3a://}); nothing here touches {@code java.io.File}.
 */
public record LakePaths(String root) implements Serializable {

  public LakePaths {
    root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
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
