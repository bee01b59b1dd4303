package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class ParquetFileSetupTest {

  private static final StructType SCHEMA = new StructType().add("k", DataTypes.LongType);

  @Test
  void aWritesOwnDefaultFillsASettingTheSessionLacks(SparkSession spark) {
    ParquetFileSetup setup =
        ParquetFileSetup.of(spark, SCHEMA, Map.of("parquet.block.size", "16777216"));

    assertThat(setup.conf().value().get("parquet.block.size")).isEqualTo("16777216");
  }

  @Test
  void aSettingTheUserMadeInTheSessionIsKept(SparkSession spark) {
    spark.conf().set("parquet.block.size", "1048576");
    try {
      ParquetFileSetup setup =
          ParquetFileSetup.of(spark, SCHEMA, Map.of("parquet.block.size", "16777216"));

      assertThat(setup.conf().value().get("parquet.block.size")).isEqualTo("1048576");
    } finally {
      spark.conf().unset("parquet.block.size");
    }
  }
}
