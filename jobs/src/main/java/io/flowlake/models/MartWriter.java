package io.flowlake.models;

import java.util.Arrays;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Replaces a mart's contents in one Delta commit: a reader sees the old mart or the new one. */
final class MartWriter {

  /** Characters Delta refuses in column names unless the table maps column names. */
  private static final String DELTA_RESERVED = " ,;{}()\n\t=";

  private MartWriter() {}

  static void overwrite(Dataset<Row> rows, String path) {
    DataFrameWriter<Row> writer =
        rows.write()
            .format("delta")
            .mode("overwrite")
            // a new release may change a mart's columns; the mart is derived, so replace it
            .option("overwriteSchema", "true");
    if (needsColumnMapping(rows.columns())) {
      // flow_results_wide's RapidPro-style names ("Age (Value) - Survey") need Delta column mapping
      writer = writer.option("delta.columnMapping.mode", "name");
    }
    writer.save(path);
  }

  static boolean needsColumnMapping(String[] columns) {
    return Arrays.stream(columns)
        .anyMatch(c -> c.chars().anyMatch(ch -> DELTA_RESERVED.indexOf(ch) >= 0));
  }
}
