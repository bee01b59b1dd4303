package io.flowlake.models;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Writes one mart as one CSV file an analyst opens directly: {@code <out>/<mart>.csv}, one header,
 * nothing beside it (no part files, {@code .crc} or {@code _SUCCESS}). Spark writes the rows as one
 * partition into a staging folder; the one part file is then renamed into place, so the file
 * appears whole or not at all.
 *
 * <p>Fractions (the columns the catalog tests as {@code between: [0, 1]}: rates and shares) are
 * rounded to 4 decimals and written as fixed-point decimals ({@code 0.5550}, never {@code 5.0E-4});
 * the lake and Parquet exports keep them at full precision.
 */
final class CsvMartFile {

  static final int FRACTION_DECIMALS = 4;

  private CsvMartFile() {}

  /** The file a mart's rows go to. */
  static String fileName(String mart) {
    return mart + ".csv";
  }

  /** Writes {@code rows} of {@code mart} to {@code <outDir>/<mart>.csv}, replacing it. */
  static void write(Model mart, Dataset<Row> rows, FileSystem fs, Path outDir) {
    write(mart.name(), rows, fractions(mart), fs, outDir);
  }

  /**
   * Writes {@code rows} to {@code <outDir>/<name>.csv}, replacing it; {@code name} may hold a
   * folder ({@code flow_results/<table>}). The columns in {@code fractions} are rounded.
   */
  static void write(
      String name, Dataset<Row> rows, Set<String> fractions, FileSystem fs, Path outDir) {
    Path staging = new Path(outDir, "_staging_" + name.replace('/', '_'));
    Path target = new Path(outDir, fileName(name));
    try {
      fs.delete(staging, true);
      roundFractions(rows, fractions)
          .coalesce(1)
          .write()
          .mode("overwrite")
          .option("header", "true")
          // timestamps as ISO 8601 instants in UTC, whatever the session time zone
          .option("timeZone", "UTC")
          .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
          .option("dateFormat", "yyyy-MM-dd")
          .csv(staging.toString());
      FileStatus[] parts = fs.globStatus(new Path(staging, "part-*.csv"));
      if (parts == null || parts.length != 1) {
        throw new IllegalStateException(
            "expected one CSV part file for " + name + " in " + staging);
      }
      fs.mkdirs(target.getParent());
      fs.delete(target, false);
      if (!fs.rename(parts[0].getPath(), target)) {
        throw new IOException("cannot rename " + parts[0].getPath() + " to " + target);
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The mart's columns that hold a fraction 0 to 1, from the catalog's column tests. */
  static Set<String> fractions(Model mart) {
    return mart.columns().stream()
        .filter(c -> c.tests().stream().anyMatch(CsvMartFile::isZeroToOne))
        .map(ModelColumn::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static boolean isZeroToOne(ColumnTest test) {
    return test instanceof ColumnTest.Between b && b.min() == 0 && b.max() == 1;
  }

  private static Dataset<Row> roundFractions(Dataset<Row> rows, Set<String> fractions) {
    List<Column> columns =
        java.util.Arrays.stream(rows.columns())
            .map(
                name ->
                    fractions.contains(name)
                        ? round(col(name), FRACTION_DECIMALS)
                            .cast(
                                DataTypes.createDecimalType(
                                    FRACTION_DECIMALS + 1, FRACTION_DECIMALS))
                            .as(name)
                        : col(name))
            .toList();
    return rows.select(columns.toArray(Column[]::new));
  }
}
