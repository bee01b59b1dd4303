package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.testing.SharedSpark;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ScopedSettingsTest {

  private static final String SET = "spark.sql.files.openCostInBytes";
  private static final String UNSET = "spark.databricks.delta.merge.materializeSource";

  @Test
  void aSettingHoldsDuringTheStepOnlyAndASettingTheSessionLackedIsUnsetNotLeftAtADefault(
      SparkSession spark) {
    spark.conf().set(SET, "1234");
    try {
      String seen =
          ScopedSettings.during(
              spark,
              Map.of(SET, "99", UNSET, "none"),
              () -> spark.conf().get(SET) + "/" + spark.conf().get(UNSET));

      assertThat(seen).isEqualTo("99/none");
      assertThat(spark.conf().get(SET)).isEqualTo("1234");
      assertThat(spark.conf().contains(UNSET)).isFalse();
    } finally {
      spark.conf().unset(SET);
    }
  }

  @Test
  void aSettingSparkRefusesStillHasTheSettingsMadeBeforeItUndone(SparkSession spark) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(UNSET, "none");
    // a static setting: a running session refuses to change it
    settings.put("spark.sql.warehouse.dir", "/elsewhere");

    assertThatThrownBy(() -> ScopedSettings.during(spark, settings, () -> "never run"))
        .hasMessageContaining("spark.sql.warehouse.dir");

    assertThat(spark.conf().contains(UNSET)).isFalse();
  }

  @Test
  void aStepThatFailsStillLeavesTheSessionAsItFoundIt(SparkSession spark) {
    assertThatThrownBy(
            () ->
                ScopedSettings.during(
                    spark,
                    Map.of(UNSET, "none"),
                    () -> {
                      throw new IllegalStateException("the step failed");
                    }))
        .hasMessage("the step failed");

    assertThat(spark.conf().contains(UNSET)).isFalse();
  }
}
