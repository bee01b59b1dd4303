package io.flowlake.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.flowlake.source.RunColumns;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * A read of runs (the {@code rapidpro} or {@code rapidpro-archives} source) with the lake's {@link
 * PersonalData} policy applied, as a plan: applied to the read before anything is written, so that
 * under {@code drop} or {@code hash} no name or URN in clear reaches the disk, not even the staging
 * folder. The contact columns are protected; a reject's raw text and reason are scrubbed ({@link
 * RejectScrubber}).
 */
public final class ProtectedRuns {

  /** The run columns that hold a person's name or URN; {@code contact_ref} is an anonymous id. */
  public static final List<String> PERSONAL_COLUMNS =
      List.of("contact_name", "contact_urn", "contact_urn_display");

  private ProtectedRuns() {}

  /** {@code read}, its columns and their order unchanged, holding only what the policy keeps. */
  public static Dataset<Row> of(Dataset<Row> read, PersonalData personalData) {
    if (personalData.policy() == PersonalDataPolicy.KEEP) {
      return read;
    }
    List<String> columns = Arrays.asList(read.columns());
    Dataset<Row> out = read;
    for (String column : PERSONAL_COLUMNS) {
      if (columns.contains(column)) {
        out = out.withColumn(column, personalData.protectColumn(col(column)));
      }
    }
    if (columns.contains(RunColumns.REJECT)) {
      out = out.withColumn(RunColumns.REJECT, scrubbed(new RejectScrubber(personalData)));
    }
    return out;
  }

  private static Column scrubbed(RejectScrubber scrubber) {
    Column reject = col(RunColumns.REJECT);
    Column raw =
        udf((UDF2<String, String, String>) scrubber::raw, DataTypes.StringType)
            .apply(reject.getField("raw"), reject.getField("location"));
    Column reason =
        udf((UDF1<String, String>) scrubber::reason, DataTypes.StringType)
            .apply(reject.getField("reason"));
    return when(
        reject.isNotNull(),
        struct(raw.as("raw"), reason.as("reason"), reject.getField("location").as("location")));
  }
}
