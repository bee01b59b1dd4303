package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class DeltaSmokeTest {
  @Test
  void writesAndMergesADeltaTable(SparkSession spark, @TempDir Path dir) {
    String p = dir.resolve("t").toString();
    spark.sql("select 1 as k, 'a' as v").write().format("delta").save(p);
    spark.sql("select 1 as k, 'b' as v union all select 2, 'c'").createOrReplaceTempView("s");
    spark.sql(
        "merge into delta.`"
            + p
            + "` t using s on t.k = s.k when matched then update set * when not matched then insert *");
    assertThat(spark.read().format("delta").load(p).count()).isEqualTo(2);
  }
}
