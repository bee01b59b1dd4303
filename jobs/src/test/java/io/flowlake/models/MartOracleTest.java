package io.flowlake.models;

import static io.flowlake.models.RunRecordBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.flowlake.api.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The oracle's own definitions, checked on examples small enough to work out by hand. */
class MartOracleTest {

  @Test
  void percentileInterpolatesBetweenClosestRanks() {
    List<Double> values = List.of(1.0, 2.0, 3.0, 4.0, 10.0);
    assertThat(OracleMath.percentile(values, 0.5)).isEqualTo(3.0);
    assertThat(OracleMath.percentile(values, 0.25)).isEqualTo(2.0);
    assertThat(OracleMath.percentile(values, 0.9)).isCloseTo(7.6, offset(1e-12));
    assertThat(OracleMath.percentile(List.of(), 0.5)).isNull();
  }

  @Test
  void secondsToCompleteAreTruncatedToWholeSeconds() {
    Instant start = Instant.parse("2024-03-01T10:00:00.250Z");
    assertThat(OracleMath.wholeSeconds(start, Instant.parse("2024-03-01T10:03:20.999Z")))
        .isEqualTo(200);
    assertThat(OracleMath.wholeSeconds(start, Instant.parse("2024-03-01T10:00:01.249Z"))).isZero();
  }

  @Test
  void numbersArePlainDecimals() {
    assertThat(List.of("12", " 12.0 ", "-.5", "7.", "+3"))
        .allMatch(v -> OracleMath.NUMBER.matcher(v).matches());
    assertThat(List.of("1e3", "1,000", "twelve", "", " ", "0x10", "NaN"))
        .noneMatch(v -> OracleMath.NUMBER.matcher(v).matches());
  }

  @Test
  void flowSummaryOfTwoRuns() {
    List<RunRecord> runs =
        List.of(
            run("a")
                .flow("f", "Old")
                .created("2024-01-01T00:00:00Z")
                .exited("completed", "2024-01-01T00:01:00Z")
                .responded()
                .build(),
            run("b")
                .flow("f", "New")
                .created("2024-01-02T00:00:00Z")
                .modified("2024-01-03T00:00:00Z")
                .build());

    Row row = MartOracle.flowSummary(runs).get(0);

    assertThat(row.getString(1)).isEqualTo("New");
    assertThat(row.getLong(2)).isEqualTo(2);
    assertThat(row.getLong(3)).as("ongoing").isEqualTo(1);
    assertThat(row.getDouble(9)).as("completion_rate").isEqualTo(0.5);
    assertThat(row.getDouble(14)).as("median").isEqualTo(60.0);
  }

  @Test
  void resultCategoriesPutOtherAndNoResponseLast() {
    List<RunRecord> runs =
        List.of(
            run("a").flow("f", "F").value("c", "C", "x", "No Response", "n").build(),
            run("b").flow("f", "F").value("c", "C", "x", "Other", "n").build(),
            run("c").flow("f", "F").value("c", "C", "x", "Other", "n").build(),
            run("d").flow("f", "F").value("c", "C", "x", "Yes", "n").build());

    List<Row> rows = MartOracle.all(runs).get("result_categories");

    assertThat(rows)
        .extracting(r -> r.getString(4) + "#" + r.getInt(8))
        .containsExactly("Yes#1", "Other#2", "No Response#3");
    assertThat(rows).extracting(r -> r.getDouble(6)).containsExactly(0.25, 0.5, 0.25);
  }

  @Test
  void sampleExercisesEveryRule() {
    // TransformTest compares the marts with the oracle on this sample: it must reach every rule
    Map<String, List<Row>> marts = MartOracle.all(SampleRuns.workspace());
    assertThat(marts.get("flow_summary")).hasSize(4);
    assertThat(marts.get("node_dropoff"))
        .extracting(r -> r.getString(2))
        .contains("A", "B", "C", "N1", "N2");
    assertThat(marts.get("result_numeric"))
        .extracting(r -> r.getString(2))
        .containsExactlyInAnyOrder("age", "weight");
    assertThat(marts.get("result_categories"))
        .extracting(r -> r.getBoolean(9))
        .contains(true, false);
  }
}
