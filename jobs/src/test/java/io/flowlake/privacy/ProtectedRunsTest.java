package io.flowlake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.source.RunColumns;
import io.flowlake.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The policy applied to a read of runs as the sources yield it: runs and rejects alike. */
@ExtendWith(SharedSpark.class)
class ProtectedRunsTest {

  private static final String NAME = "Testperson Sample";
  private static final String URN = "tel:+250780000042";
  private static final String DISPLAY = "0780 000 042";

  @Test
  void dropAndHashProtectTheContactColumnsAndTheRejectsRawTextKeepLeavesThem(SparkSession spark) {
    Dataset<Row> read = read(spark);
    PersonalData hashed = PersonalData.hashed("k".getBytes(StandardCharsets.UTF_8));

    Row dropped = run(ProtectedRuns.of(read, PersonalData.drop()));
    Row hashedRun = run(ProtectedRuns.of(read, hashed));
    Row kept = run(ProtectedRuns.of(read, PersonalData.keep()));

    for (String column : ProtectedRuns.PERSONAL_COLUMNS) {
      assertThat((String) dropped.getAs(column)).as(column).isNull();
    }
    assertThat((String) hashedRun.getAs("contact_urn")).isEqualTo(hashed.protect(URN));
    assertThat((String) hashedRun.getAs("contact_name")).isEqualTo(hashed.protect(NAME));
    assertThat((String) kept.getAs("contact_urn_display")).isEqualTo(DISPLAY);
    assertThat((String) dropped.getAs("contact_uuid")).isEqualTo("c-1");

    Row reject = reject(ProtectedRuns.of(read, PersonalData.drop()));
    assertThat(reject.getString(0)).doesNotContain(NAME).doesNotContain("250780000042");
    assertThat(reject.getString(0)).contains("\"uuid\":\"c-2\"");
    assertThat(reject.getString(1)).isEqualTo("created_on '…' is not a timestamp");
    assertThat(reject.getString(2)).isEqualTo("page 1");
    assertThat(reject(ProtectedRuns.of(read, PersonalData.keep())).getString(0)).contains(NAME);
  }

  private static Row run(Dataset<Row> protectedRead) {
    return protectedRead.where(RunColumns.REJECT + " is null").head();
  }

  private static Row reject(Dataset<Row> protectedRead) {
    return protectedRead
        .where(RunColumns.REJECT + " is not null")
        .select(RunColumns.REJECT + ".*")
        .head();
  }

  private static Dataset<Row> read(SparkSession spark) {
    int width = RunColumns.SOURCE.size();
    Object[] run = new Object[width];
    run[RunColumns.SOURCE.fieldIndex("uuid")] = "r-1";
    run[RunColumns.SOURCE.fieldIndex("contact_uuid")] = "c-1";
    run[RunColumns.SOURCE.fieldIndex("contact_name")] = NAME;
    run[RunColumns.SOURCE.fieldIndex("contact_urn")] = URN;
    run[RunColumns.SOURCE.fieldIndex("contact_urn_display")] = DISPLAY;
    Object[] rejected = new Object[width];
    String raw =
        "{\"uuid\":\"r-2\",\"contact\":{\"uuid\":\"c-2\",\"name\":\""
            + NAME
            + "\",\"urn\":\""
            + URN
            + "\"}}";
    rejected[RunColumns.SOURCE.fieldIndex(RunColumns.REJECT)] =
        RowFactory.create(raw, "created_on 'x' is not a timestamp", "page 1");
    return spark.createDataFrame(
        List.of(RowFactory.create(run), RowFactory.create(rejected)), RunColumns.SOURCE);
  }
}
