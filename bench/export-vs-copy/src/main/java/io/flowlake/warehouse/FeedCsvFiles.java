package io.flowlake.warehouse;

import io.flowlake.lake.LakePaths;
import io.flowlake.models.TableSnapshot;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark only (in the feed's package for its package-private parts): the exact COPY CSV lines
 * the first export sends for a table, written to text files, so the floor ({@code COPY} from a CSV)
 * loads the same bytes into the same table definition.
 */
public final class FeedCsvFiles {

  public static void write(SparkSession spark, LakePaths paths, FeedTable table, String out) {
    long version = TableSnapshot.latestVersion(spark, table.source().location().apply(paths));
    // each chunk is whole lines; saveAsTextFile puts back the last one's line break
    CsvChunks.of(LakeChanges.snapshot(spark, paths, version, table))
        .map(chunk -> new String(chunk, 0, chunk.length - 1, StandardCharsets.UTF_8))
        .saveAsTextFile(out);
  }

  private FeedCsvFiles() {}
}
