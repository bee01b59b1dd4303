package io.flowlake.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.flowlake.lake.LakePaths;
import io.flowlake.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vacuum costs what changed: it purges only a table that can hold deletion vectors, and vacuums
 * only a table that can have files to delete, the marks of one vacuum ({@code _state/vacuum.json})
 * read by the next. Two small tables, one lake, a vacuum per step; when a shorter retention vacuums
 * again is {@link io.flowlake.lake.VacuumMarkTest}'s.
 */
@ExtendWith(SharedSpark.class)
class VacuumJobIT {

  private static final Duration NONE = Duration.ZERO;

  @Test
  void vacuumsOnlyTablesThatCanHaveFilesToDelete(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("lake");
    LakePaths lake =
        LakePaths.qualified(root.toString(), spark.sparkContext().hadoopConfiguration());
    Path still = root.resolve("still");
    Path moving = root.resolve("moving");
    // as an older flowlake made tables: deletion vectors on, and one in use
    DeltaTable.create(spark)
        .location(still.toString())
        .addColumn("id", "LONG")
        .property("delta.enableDeletionVectors", "true")
        .execute();
    spark.range(10).coalesce(1).write().format("delta").mode("append").save(still.toString());
    DeltaTable.forPath(spark, still.toString()).delete("id = 3");
    write(spark, moving, 5);
    VacuumJob job = new VacuumJob(spark, lake, Clock.systemUTC());

    // a lake never vacuumed: every table, and a purge of the one with vectors only
    assertThat(job.run(NONE)).extracting("vacuumed", "purged", "skipped").containsExactly(2, 1, 0);

    List<Path> stillFiles = dataFiles(still);
    List<Path> replaced = dataFiles(moving);
    write(spark, moving, 3);
    assertThat(replaced).allMatch(Files::exists);
    assertThat(job.run(NONE)).extracting("vacuumed", "purged", "skipped").containsExactly(1, 0, 1);
    assertThat(replaced).as("files the overwrite removed").noneMatch(Files::exists);
    assertThat(dataFiles(still)).isEqualTo(stillFiles);

    // a write that never committed leaves a file no version knows: VACUUM's to delete
    Path orphan = still.resolve("part-99999-orphan.c000.snappy.parquet");
    Files.copy(stillFiles.get(0), orphan);
    assertThat(job.run(NONE)).extracting("vacuumed", "skipped").containsExactly(1, 1);
    assertThat(orphan).doesNotExist();
    assertThat(dataFiles(still)).isEqualTo(stillFiles);
  }

  @Test
  void aVacuumCommitsNothingOfItsOwnUnlessTheSessionAsksDeltaTo(
      SparkSession spark, @TempDir Path dir) {
    Path root = dir.resolve("lake");
    LakePaths lake =
        LakePaths.qualified(root.toString(), spark.sparkContext().hadoopConfiguration());
    Path table = root.resolve("table");
    write(spark, table, 5);
    write(spark, table, 3);
    VacuumJob job = new VacuumJob(spark, lake, Clock.systemUTC());

    job.run(NONE);
    assertThat(operations(spark, table)).containsExactly("WRITE", "WRITE");
    assertThat(spark.conf().getOption(VACUUM_COMMITS).isDefined()).as("left as found").isFalse();

    // a user who wants Delta's record of each vacuum in the table's history keeps it
    write(spark, table, 4);
    spark.conf().set(VACUUM_COMMITS, "true");
    try {
      job.run(NONE);
      assertThat(operations(spark, table)).contains("VACUUM START", "VACUUM END");
      assertThat(spark.conf().get(VACUUM_COMMITS)).isEqualTo("true");
    } finally {
      spark.conf().unset(VACUUM_COMMITS);
    }
  }

  private static final String VACUUM_COMMITS = "spark.databricks.delta.vacuum.logging.enabled";

  private static List<String> operations(SparkSession spark, Path table) {
    return DeltaTable.forPath(spark, table.toString())
        .history()
        .orderBy("version")
        .select("operation")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  private static void write(SparkSession spark, Path table, int rows) {
    spark.range(rows).write().format("delta").mode("overwrite").save(table.toString());
  }

  private static List<Path> dataFiles(Path table) {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("_delta_log"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
