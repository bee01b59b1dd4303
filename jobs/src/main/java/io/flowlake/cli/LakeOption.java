package io.flowlake.cli;

import io.flowlake.lake.LakePaths;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** {@code --lake}: the lake's root, any Hadoop path. */
final class LakeOption {

  @Option(names = "--lake", paramLabel = "PATH")
  String lake;

  LakePaths paths(SparkSession spark) {
    return LakePaths.qualified(lake, spark.sparkContext().hadoopConfiguration());
  }
}
