package io.flowlake.models;

import org.apache.hadoop.fs.Path;

/** Where the lake keeps its tables and marts. Hadoop paths: a local dir, hdfs://, s3a://... */
public final class MartPaths {

  /** Directory of the marts under the lake root. */
  public static final String MARTS_DIR = "marts";

  private MartPaths() {}

  /** {@code <lake>/<table>}, e.g. the runs table. */
  public static String table(String lake, String table) {
    return new Path(lake, table).toString();
  }

  /** {@code <lake>/marts/<mart>}. */
  public static String mart(String lake, String mart) {
    return new Path(new Path(lake, MARTS_DIR), mart).toString();
  }
}
