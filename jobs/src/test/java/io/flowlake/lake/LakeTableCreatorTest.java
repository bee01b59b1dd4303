package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.lake.DeltaLogFiles.TableSettings;
import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Opening a lake table commits only when one of its settings is really missing. */
@ExtendWith(SharedSpark.class)
class LakeTableCreatorTest {

  @Test
  void aChangeFeedSwitchedOnInCapitalsIsOnAndOpeningTheTableCommitsNothing(
      SparkSession spark, @TempDir Path dir) {
    LakePaths paths = new LakePaths(dir.resolve("lake").toUri().toString());
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    LakeTableCreator.contacts(spark, paths);
    // Delta reads the property case-insensitively: 'TRUE' records the feed as 'true' does
    spark.sql(
        "alter table delta.`"
            + paths.contacts()
            + "` set tblproperties ('"
            + LakeTableCreator.CHANGE_FEED
            + "' = 'TRUE')");
    long before = log.latestVersion(paths.contacts()).orElseThrow();

    LakeTableCreator.contacts(spark, paths);

    assertThat(log.latestVersion(paths.contacts())).as("commits on opening").hasValue(before);
    TableSettings settings = log.latestSettings(paths.contacts()).orElseThrow();
    assertThat(settings.properties()).containsEntry(LakeTableCreator.CHANGE_FEED, "TRUE");
    assertThat(settings.recordsChanges()).isTrue();
  }
}
