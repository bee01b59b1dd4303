package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.tables.DeltaTable;
import io.flowlake.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a table's log by hand must agree with what Delta's own history says, commit by commit.
 */
@ExtendWith(SharedSpark.class)
class DeltaLogFilesTest {

  @Test
  void latestVersionAgreesWithDeltasHistory(SparkSession spark, @TempDir Path dir) {
    String table = dir.resolve("t").toString();
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    assertThat(log.latestVersion(table)).isEmpty();

    spark.sql("select id as k, 'a' as v from range(5)").write().format("delta").save(table);
    spark.sql("select id as k, 'b' as v from range(3, 10)").createOrReplaceTempView("s");
    spark.sql(
        "merge into delta.`"
            + table
            + "` t using s on t.k = s.k when matched then update set * when not matched then insert *");
    spark
        .sql("select id as k, 'c' as v from range(4)")
        .write()
        .format("delta")
        .mode("overwrite")
        .save(table);

    long latest = DeltaTable.forPath(spark, table).history(1).select("version").head().getLong(0);
    assertThat(log.latestVersion(table)).hasValue(latest).hasValue(2);
  }

  /**
   * The transform tells a run_values refresh (an overwrite with replaceWhere) from an erasure (a
   * DELETE) by the operation each commit records: the same names as Delta's history.
   */
  @Test
  void eachCommitsOperationIsTheOneDeltasHistoryNames(SparkSession spark, @TempDir Path dir) {
    String table = dir.resolve("t").toString();
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    spark.sql("select id as k, id % 2 as m from range(6)").write().format("delta").save(table);
    spark
        .sql("select id as k, 1L as m from range(10, 13)")
        .write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", "m = 1")
        .save(table);
    DeltaTable.forPath(spark, table).delete("k = 0");

    List<Row> history =
        DeltaTable.forPath(spark, table)
            .history()
            .select("version", "operation")
            .orderBy("version")
            .collectAsList();
    assertThat(history).extracting(r -> r.getString(1)).containsExactly("WRITE", "WRITE", "DELETE");
    for (Row commit : history) {
      assertThat(log.commitOperation(table, commit.getLong(0))).hasValue(commit.getString(1));
    }
    assertThat(log.commitOperation(table, 3)).isEmpty();
  }

  /**
   * A table's settings read from its latest checksum file are Delta's own: the properties, the
   * protocol's features and the number of files its detail names, after an ALTER as after the
   * create; a table whose latest commit has no checksum has none to read.
   */
  @Test
  void latestSettingsAgreeWithDeltasDetail(SparkSession spark, @TempDir Path dir) throws Exception {
    String table = dir.resolve("t").toString();
    DeltaLogFiles log = new DeltaLogFiles(spark.sparkContext().hadoopConfiguration());
    assertThat(log.latestSettings(table)).isEmpty();
    spark.sql(
        "create table delta.`"
            + table
            + "` (k bigint) using delta tblproperties ('delta.enableDeletionVectors' = 'true')");
    spark.sql("alter table delta.`" + table + "` set tblproperties ('flowlake.test' = 'x')");

    Row detail =
        DeltaTable.forPath(spark, table).detail().select("properties", "tableFeatures").head();
    DeltaLogFiles.TableSettings settings = log.latestSettings(table).orElseThrow();
    assertThat(settings.properties())
        .isEqualTo(detail.getJavaMap(0))
        .containsEntry("flowlake.test", "x");
    assertThat(settings.features())
        .containsExactlyInAnyOrderElementsOf(detail.<String>getList(1))
        .contains("deletionVectors");

    assertThat(settings.empty()).isTrue();
    spark.sql("insert into delta.`" + table + "` select id from range(3)");
    long files = DeltaTable.forPath(spark, table).detail().select("numFiles").head().getLong(0);
    assertThat(files).isPositive();
    assertThat(log.latestSettings(table).orElseThrow().files()).isEqualTo(files);

    long latest = log.latestVersion(table).orElseThrow();
    Files.delete(dir.resolve("t/_delta_log").resolve(String.format("%020d.crc", latest)));
    assertThat(log.latestSettings(table)).isEmpty();
  }

  @Test
  void aFolderWithoutACommitIsNoTable(SparkSession spark, @TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("_delta_log/_staged_commits"));
    Files.writeString(dir.resolve("_delta_log/00000000000000000000.crc"), "{}");
    assertThat(
            new DeltaLogFiles(spark.sparkContext().hadoopConfiguration())
                .latestVersion(dir.toString()))
        .isEmpty();
  }
}
