package io.flowlake.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Copies the marts into plain files for tools that do not read Delta:
 *
 * <pre>
 * out/manifest.json                 tables, row counts, schema version
 * out/&lt;mart&gt;.csv                  CSV: one file per mart, one header ({@link CsvMartFile})
 * out/&lt;mart&gt;/part-*.parquet       Parquet: one directory per mart
 * out/flow_results/&lt;table&gt;.csv     the same for each flow's results table (flow_results_index)
 * out/_SUCCESS                      written last: the export is complete
 * </pre>
 *
 * Each mart is read at one Delta version, so its row count in the manifest is the number of rows in
 * its files even if a transform commits meanwhile. A flow's results table has RapidPro's export
 * headers ({@code Age (Category)}, {@code Contact UUID}) in CSV, its lake column names in Parquet.
 */
public final class MartExport {

  public static final String MANIFEST = "manifest.json";
  public static final String SUCCESS = "_SUCCESS";

  private MartExport() {}

  /**
   * @param lake the lake root (Hadoop path) whose {@code marts/} a transform has written
   * @param out the export directory (Hadoop path); existing mart directories in it are replaced
   * @throws IllegalArgumentException when a mart has not been built yet
   */
  public static ExportResult export(
      SparkSession spark, String lake, ExportFormat format, String out) {
    return export(spark, lake, format, out, ModelCatalog.load());
  }

  static ExportResult export(
      SparkSession spark, String lake, ExportFormat format, String out, ModelCatalog catalog) {
    List<Model> marts = catalog.marts();
    for (Model mart : marts) {
      if (!DeltaTable.isDeltaTable(spark, MartPaths.mart(lake, mart.name()))) {
        throw new IllegalArgumentException(
            "no mart "
                + mart.name()
                + " at "
                + MartPaths.mart(lake, mart.name())
                + ": run `flowlake transform --lake "
                + lake
                + "` first");
      }
    }
    Path outDir = new Path(out);
    // the raw file system: no .crc file beside the manifest, the marker or a CSV file
    FileSystem fs = rawFileSystem(fileSystem(spark, outDir));
    // an earlier export's markers must not vouch for this one while it is half written
    delete(fs, new Path(outDir, SUCCESS));
    delete(fs, new Path(outDir, MANIFEST));
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Map<String, Object>> tables = new ArrayList<>();
    for (Model mart : marts) {
      TableSnapshot snapshot = TableSnapshot.latest(spark, MartPaths.mart(lake, mart.name()));
      long version = snapshot.version();
      Dataset<Row> rows = SuppressedCells.apply(snapshot.rows());
      long count = rows.count();
      switch (format) {
        case CSV -> CsvMartFile.write(mart, rows, fs, outDir);
        case PARQUET ->
            rows.write().mode("overwrite").parquet(new Path(outDir, mart.name()).toString());
      }
      counts.put(mart.name(), count);
      tables.add(tableEntry(mart.name(), format, count, version, rows));
      if (mart.name().equals(FlowResultsTables.INDEX)) {
        for (FlowResultsTable table : FlowResultsTables.listed(spark, lake, version)) {
          exportFlowTable(spark, lake, table, format, fs, outDir, counts, tables);
        }
      }
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schema_version", catalog.schemaVersion());
    manifest.put("format", format.id());
    manifest.put("exported_at", Instant.now().toString());
    manifest.put("lake", lake);
    manifest.put("tables", tables);
    writeFile(fs, new Path(outDir, MANIFEST), manifestJson(manifest));
    writeFile(fs, new Path(outDir, SUCCESS), new byte[0]);
    return new ExportResult(out, format, counts);
  }

  private static void exportFlowTable(
      SparkSession spark,
      String lake,
      FlowResultsTable table,
      ExportFormat format,
      FileSystem fs,
      Path outDir,
      Map<String, Long> counts,
      List<Map<String, Object>> tables) {
    TableSnapshot snapshot = TableSnapshot.latest(spark, MartPaths.mart(lake, table.location()));
    long version = snapshot.version();
    Dataset<Row> rows =
        snapshot
            .rows()
            .select(table.columnNames().stream().map(functions::col).toArray(Column[]::new));
    long count = rows.count();
    switch (format) {
      case CSV ->
          CsvMartFile.write(
              table.location(),
              rows.toDF(table.headers().toArray(String[]::new)),
              Set.of(),
              fs,
              outDir);
      case PARQUET ->
          rows.write().mode("overwrite").parquet(new Path(outDir, table.location()).toString());
    }
    counts.put(table.location(), count);
    tables.add(tableEntry(table.location(), format, count, version, rows));
  }

  private static Map<String, Object> tableEntry(
      String name, ExportFormat format, long count, long version, Dataset<Row> rows) {
    List<Map<String, String>> columns = new ArrayList<>();
    for (StructField field : rows.schema().fields()) {
      columns.add(Map.of("name", field.name(), "type", field.dataType().simpleString()));
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("name", name);
    table.put(
        "path",
        format == ExportFormat.CSV ? CsvMartFile.fileName(name) : name + "/part-*." + format.id());
    table.put("rows", count);
    table.put("delta_version", version);
    table.put("columns", columns);
    return table;
  }

  private static byte[] manifestJson(Map<String, Object> manifest) {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export manifest", e);
    }
  }

  private static FileSystem fileSystem(SparkSession spark, Path dir) {
    try {
      return dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + dir, e);
    }
  }

  private static FileSystem rawFileSystem(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  private static void delete(FileSystem fs, Path file) {
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private static void writeFile(FileSystem fs, Path file, byte[] content) {
    try (OutputStream stream = fs.create(file, true)) {
      stream.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
