package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flowlake.testing.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The segment marts' audits pass on consistent marts and fail on deliberately broken ones: a
 * segment that loses a run, a share that does not add up, a category that no longer adds up to
 * result_categories.
 */
@ExtendWith(SharedSpark.class)
class SegmentAuditTest {

  private static final SparkSession spark = SharedSpark.session();
  private static final ModelCatalog catalog = ModelCatalog.load();

  /** Flow f1: 3 runs (2 completed, 2 responded), 2 female and 1 male; Red 2, Blue 1. */
  @BeforeEach
  void consistentMarts() {
    view(
        "segment_dimensions",
        "select 1 as position, 'gender' as dimension, 'gender' as field, 'text' as kind,"
            + " cast(array() as array<struct<label: string, lo: bigint, hi: bigint>>) as bands"
            + " union all select 2, 'group', null, 'group', array()");
    view("segment_settings", "select 2 as min_segment_runs");
    view(
        "flow_summary",
        "select 'f1' as flow_uuid, 3L as runs, 1L as ongoing, 2L as completed, 0L as interrupted,"
            + " 0L as expired, 0L as failed, 2L as responded");
    flowSegments(
        "('gender', 'female', 2L, 2L, 1L), ('gender', 'male', 1L, 0L, 1L),"
            + " ('group', 'A', 3L, 2L, 2L), ('group', 'B', 1L, 1L, 1L)");
    view(
        "result_categories",
        "select * from values ('f1', 'color', 'Red', 2L), ('f1', 'color', 'Blue', 1L)"
            + " as t(flow_uuid, result_key, category, runs)");
    resultSegments(
        "('Red', 'gender', 'female', 1L, 0.5d), ('Blue', 'gender', 'female', 1L, 0.5d),"
            + " ('Red', 'gender', 'male', 1L, 1.0d), ('Red', 'group', 'A', 2L, 1.0d)");
  }

  @Test
  void consistentSegmentMartsPassEveryAudit() {
    assertThatCode(() -> check("flow_segments")).doesNotThrowAnyException();
    assertThatCode(() -> check("result_segments")).doesNotThrowAnyException();
  }

  @Test
  void segmentsThatLoseARunFailTheAddUpAudit() {
    flowSegments(
        "('gender', 'female', 1L, 1L, 1L), ('gender', 'male', 1L, 0L, 1L),"
            + " ('group', 'A', 3L, 2L, 2L), ('group', 'B', 1L, 1L, 1L)");

    assertFails("flow_segments", "flow_segments_add_up_to_flow_summary");
  }

  @Test
  void aGroupLargerThanItsFlowFailsTheAddUpAudit() {
    flowSegments(
        "('gender', 'female', 2L, 2L, 1L), ('gender', 'male', 1L, 0L, 1L),"
            + " ('group', 'A', 4L, 2L, 2L)");

    assertFails("flow_segments", "flow_segments_add_up_to_flow_summary");
  }

  @Test
  void sharesThatDoNotAddUpToOneFailTheSharesAudit() {
    resultSegments(
        "('Red', 'gender', 'female', 1L, 0.5d), ('Blue', 'gender', 'female', 1L, 0.4d),"
            + " ('Red', 'gender', 'male', 1L, 1.0d), ('Red', 'group', 'A', 2L, 1.0d)");

    assertFails("result_segments", "result_segments_shares_add_up");
  }

  @Test
  void aCategoryMissingFromEverySegmentFailsTheSharesAudit() {
    resultSegments(
        "('Red', 'gender', 'female', 1L, 1.0d), ('Red', 'gender', 'male', 1L, 1.0d),"
            + " ('Red', 'group', 'A', 2L, 1.0d)");

    assertFails("result_segments", "result_segments_shares_add_up");
  }

  private static void flowSegments(String rows) {
    view(
        "flow_segments",
        "select 'f1' as flow_uuid, 'Survey' as flow_name, dimension, segment, runs,"
            + " runs - completed as ongoing, completed, 0L as interrupted, 0L as expired,"
            + " 0L as failed, responded, completed / runs as completion_rate,"
            + " responded / runs as response_rate, 0d as interruption_rate, 0d as expiry_rate,"
            + " 0d as failure_rate, runs < 2 as suppressed, 1 as dimension_order,"
            + " cast(row_number() over (partition by dimension order by segment) as int)"
            + " as segment_order"
            + " from values "
            + rows
            + " as t(dimension, segment, runs, completed, responded)");
  }

  private static void resultSegments(String rows) {
    view(
        "result_segments",
        "select 'f1' as flow_uuid, 'Survey' as flow_name, 'color' as result_key,"
            + " 'Colour' as result_name, category, dimension, segment, runs, share,"
            + " segment = 'male' as suppressed"
            + " from values "
            + rows
            + " as t(category, dimension, segment, runs, share)");
  }

  private static void view(String name, String sql) {
    spark.sql(sql).createOrReplaceTempView(name);
  }

  private static void check(String mart) {
    AuditRunner.check(spark, ModelAudits.of(catalog.model(mart), catalog));
  }

  private static void assertFails(String mart, String audit) {
    AuditFailedException failure =
        catchThrowableOfType(AuditFailedException.class, () -> check(mart));
    assertThat(failure).as("%s on a broken %s", audit, mart).isNotNull();
    assertThat(failure.mart()).isEqualTo(mart);
    assertThat(failure.auditName()).isEqualTo(audit);
  }
}
