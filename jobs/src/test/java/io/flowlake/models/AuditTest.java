package io.flowlake.models;

import static io.flowlake.models.RunRecordBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flowlake.api.RunRecord;
import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class AuditTest {

  private static final SparkSession spark = SharedSpark.session();
  private static ModelCatalog catalog;

  @BeforeAll
  static void start() {
    catalog = ModelCatalog.load();
  }

  @Test
  void rateAboveOneFailsNamingMartAndAudit() {
    spark
        .sql(
            "select 'f1' as flow_uuid, 'Survey' as flow_name, 2L as runs, 0L as ongoing, 2L as completed, 0L as interrupted,"
                + " 0L as expired, 0L as failed, 1L as responded, 1.5d as completion_rate, 0.5d as response_rate,"
                + " 0d as interruption_rate, 0d as expiry_rate, 0d as failure_rate, 60d as median_seconds_to_complete,"
                + " 90d as p90_seconds_to_complete, timestamp'2024-01-01 00:00:00' as first_started_on,"
                + " timestamp'2024-01-02 00:00:00' as last_modified_on")
        .createOrReplaceTempView("flow_summary");

    AuditFailedException failure =
        catchThrowableOfType(
            AuditFailedException.class,
            () -> AuditRunner.check(spark, ModelAudits.of(catalog.model("flow_summary"), catalog)));

    assertThat(failure.mart()).isEqualTo("flow_summary");
    assertThat(failure.auditName()).isEqualTo("between(completion_rate, 0, 1)");
    assertThat(failure.offendingRows()).isEqualTo(1);
    assertThat(failure)
        .hasMessageContaining("flow_summary")
        .hasMessageContaining("between(completion_rate, 0, 1)");
  }

  @Test
  void duplicateGrainFailsTheGrainAudit() {
    spark
        .sql(
            "select * from values ('f1', 'n1'), ('f1', 'n1'), ('f1', 'n2') as t(flow_uuid, node_uuid)")
        .selectExpr(
            "flow_uuid",
            "node_uuid",
            "null as label",
            "3L as runs_reached",
            "0L as runs_ended_here",
            "0L as ongoing",
            "0L as interrupted",
            "0L as expired",
            "0L as failed")
        .createOrReplaceTempView("node_dropoff");

    assertThatThrownBy(
            () -> AuditRunner.check(spark, ModelAudits.of(catalog.model("node_dropoff"), catalog)))
        .isInstanceOf(AuditFailedException.class)
        .hasMessageStartingWith(
            "audit unique_grain(flow_uuid, node_uuid) failed on mart node_dropoff: 1 row breaks it");
  }

  @Test
  void unknownExitTypeStopsTheTransformAndKeepsThePreviousMart(@TempDir Path dir) {
    String lake = dir.resolve("lake").toString();
    List<RunRecord> good =
        List.of(
            run("r1")
                .flow("f1", "Survey")
                .created("2024-03-01T10:00:00Z")
                .exited("completed", "2024-03-01T10:01:00Z")
                .build(),
            run("r2").flow("f1", "Survey").created("2024-03-01T11:00:00Z").build());
    LakeFixture.write(spark, lake, good);
    Transform.run(spark, lake);
    long versionBefore = martVersion(lake);

    LakeFixture.write(
        spark,
        lake,
        List.of(
            good.get(0),
            run("r2")
                .flow("f1", "Survey")
                .created("2024-03-01T11:00:00Z")
                .exited("abandoned", "2024-03-01T12:00:00Z")
                .build()));
    AuditFailedException failure =
        catchThrowableOfType(AuditFailedException.class, () -> Transform.run(spark, lake));

    assertThat(failure.mart()).isEqualTo("flow_summary");
    assertThat(failure.auditName()).isEqualTo("flow_summary_counts_add_up");
    assertThat(martVersion(lake)).as("flow_summary was not rewritten").isEqualTo(versionBefore);
    assertThat(
            spark
                .read()
                .format("delta")
                .load(MartPaths.mart(lake, "flow_summary"))
                .head()
                .<Long>getAs("ongoing"))
        .isEqualTo(1L);
  }

  private static long martVersion(String lake) {
    return io.delta.tables.DeltaTable.forPath(spark, MartPaths.mart(lake, "flow_summary"))
        .history(1)
        .select("version")
        .head()
        .getLong(0);
  }
}
