package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import io.flowlake.api.RunRecord;
import io.flowlake.lake.TableFile;
import io.flowlake.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transform and export on a lake built from {@link SampleRuns}, transformed once for the class (a
 * transform costs seconds even on a few runs).
 */
@ExtendWith(SharedSpark.class)
class TransformTest {

  @TempDir static Path dir;

  private static final SparkSession spark = SharedSpark.session();
  private static String lake;
  private static TransformResult first;
  private static Map<String, List<Row>> firstMarts;

  @BeforeAll
  static void transformSampleLake() {
    lake = dir.resolve("lake").toString();
    LakeFixture.write(spark, lake, interleavedByFlow(SampleRuns.workspace()));
    first = Transform.run(spark, lake);
    firstMarts = readMarts(lake);
  }

  /**
   * The runs dealt round-robin by flow, so the lake's files hold flows mixed as a pull leaves them.
   */
  private static List<RunRecord> interleavedByFlow(List<RunRecord> runs) {
    Map<String, Deque<RunRecord>> byFlow = new LinkedHashMap<>();
    runs.forEach(run -> byFlow.computeIfAbsent(run.flowUuid(), f -> new ArrayDeque<>()).add(run));
    List<RunRecord> dealt = new ArrayList<>();
    while (dealt.size() < runs.size()) {
      byFlow.values().stream().filter(queue -> !queue.isEmpty()).forEach(q -> dealt.add(q.poll()));
    }
    return dealt;
  }

  @Test
  void martsEqualTheIndependentOracle() {
    MartOracle.assertMartsMatch(spark, lake, SampleRuns.workspace());
  }

  @Test
  void reportsEachMartsRowCountAndItsAudits() {
    assertThat(first.rowCounts().keySet())
        .containsExactly(
            "flow_summary",
            "flow_daily",
            "result_categories",
            "result_numeric",
            "node_dropoff",
            "flow_results_index",
            "flow_segments",
            "result_segments",
            "flow_results");
    // not segmented (no --segment-by): the segment marts exist, empty
    assertThat(first.rowCounts().get("flow_segments")).isZero();
    assertThat(first.rowCounts().get("result_segments")).isZero();
    firstMarts.forEach(
        (mart, rows) -> assertThat(first.rowCounts().get(mart)).as(mart).isEqualTo(rows.size()));
    // the per-flow results tables as one line: a row per run
    assertThat(first.rowCounts().get("flow_results")).isEqualTo(SampleRuns.workspace().size());
    assertThat(first.auditsPassed())
        .extracting(Audit::toString)
        .contains(
            "flow_summary: flow_summary_counts_add_up",
            "flow_summary: between(completion_rate, 0, 1)");
  }

  @Test
  void transformingAnUnchangedLakeWritesNothingAndAFullRebuildGivesIdenticalMarts() {
    long before = martVersion("flow_summary");
    TransformResult again = Transform.run(spark, lake);

    assertThat(again.upToDate()).as(again.why()).isTrue();
    assertThat(again.rowCounts()).isEmpty();
    assertThat(martVersion("flow_summary")).isEqualTo(before);

    TransformResult second = Transform.run(spark, lake, SegmentRequest.none(), true);

    assertThat(second.scope().all()).isTrue();
    assertThat(second.rowCounts()).isEqualTo(first.rowCounts());
    Map<String, List<Row>> secondMarts = readMarts(lake);
    firstMarts.forEach(
        (mart, rows) -> {
          Dataset<Row> written = spark.read().format("delta").load(MartPaths.mart(lake, mart));
          RowComparison.assertSameRows(
              mart, List.of(written.columns()), secondMarts.get(mart), rows);
        });
  }

  @Test
  void underAPartialScopeModelsReadOnlyTheScopesRunsFilteredAtTheFileScanNotFromACache() {
    String flow = SampleRuns.workspace().get(0).flowUuid();
    long flowRuns =
        SampleRuns.workspace().stream().filter(run -> run.flowUuid().equals(flow)).count();
    ModelCatalog catalog = ModelCatalog.load();
    ModelRunner runner = new ModelRunner(spark, catalog);
    runner.registerSources(lake, FlowScope.only(Set.of(flow)), Map.of());
    Dataset<Row> stgRuns = runner.query(catalog.model("stg_runs"));

    String plan = stgRuns.queryExecution().executedPlan().toString();
    assertThat(plan).doesNotContain("InMemoryTableScan");
    // the flow filter reaches the file scan, where Delta's statistics can skip other flows' files
    assertThat(plan).containsPattern("DataFilters: \\[[^\\]]*flow_uuid");
    assertThat(stgRuns.count()).isEqualTo(flowRuns);
    assertThat(spark.table("runs").storageLevel()).isEqualTo(StorageLevel.NONE());
  }

  @Test
  void eachFlowHasItsOwnResultsTableEqualToTheOracle() {
    FlowResultsOracle.assertTablesMatch(spark, lake, SampleRuns.workspace());
  }

  @Test
  void aTaskMeetingMoreFlowsThanItKeepsFilesOpenForStartsAnotherFileAndLosesNoRow() {
    List<FlowResultsTable> tables = listedResultsTables();
    Dataset<Row> runs = lakeRunsInOneTask();
    StructType input = runs.selectExpr(FlowResultsFiles.RUN_INPUT.toArray(String[]::new)).schema();
    Map<String, FlowResultsFiles.Target> targets = new LinkedHashMap<>();
    for (FlowResultsTable table : tables) {
      String tableDir = dir.resolve("one-open").resolve(table.tableName()).toString();
      targets.put(table.flowUuid(), FlowResultsTableWriter.target(input, table, tableDir));
    }

    Map<String, List<TableFile>> files = FlowResultsFiles.write(spark, runs, targets, 1);

    assertThat(files.values().stream().mapToInt(List::size).sum())
        .as("files, with one open at a time")
        .isGreaterThan(tables.size());
    for (FlowResultsTable table : tables) {
      List<Row> written =
          spark.read().parquet(targets.get(table.flowUuid()).tableDir()).collectAsList();
      List<Row> committed =
          spark.read().format("delta").load(MartPaths.mart(lake, table.location())).collectAsList();
      assertThat(written).as(table.tableName()).containsExactlyInAnyOrderElementsOf(committed);
    }
  }

  @Test
  void aTaskThatFailsLeavesNoneOfTheFilesItWroteClosedOrOpen() throws IOException {
    List<FlowResultsTable> tables = listedResultsTables();
    Dataset<Row> runs = lakeRunsInOneTask();
    StructType input = runs.selectExpr(FlowResultsFiles.RUN_INPUT.toArray(String[]::new)).schema();
    Path out = Files.createDirectories(dir.resolve("failing"));
    // one flow's table directory cannot be made (a file stands where its parent should be): the
    // task fails at that flow's first run, after the first run's flow had its file written and
    // closed (one open at a time)
    String first = runs.first().getAs("flow_uuid");
    String blocked =
        tables.stream()
            .map(FlowResultsTable::flowUuid)
            .filter(f -> !f.equals(first))
            .findFirst()
            .orElseThrow();
    Files.writeString(out.resolve("not-a-directory"), "x");
    Map<String, FlowResultsFiles.Target> targets = new LinkedHashMap<>();
    for (FlowResultsTable table : tables) {
      Path tableDir =
          table.flowUuid().equals(blocked)
              ? out.resolve("not-a-directory").resolve(table.tableName())
              : out.resolve(table.tableName());
      targets.put(
          table.flowUuid(), FlowResultsTableWriter.target(input, table, tableDir.toString()));
    }

    assertThatThrownBy(() -> FlowResultsFiles.write(spark, runs, targets, 1))
        .hasStackTraceContaining("not-a-directory");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).isEmpty();
    }
  }

  /** The results tables the lake's index mart lists. */
  private static List<FlowResultsTable> listedResultsTables() {
    String index = MartPaths.mart(lake, FlowResultsTables.INDEX);
    return FlowResultsTables.listed(spark, lake, TableSnapshot.latestVersion(spark, index));
  }

  /**
   * The lake's runs under {@code stg_runs}' names for the columns a results table reads, in one
   * task: their flows come dealt round-robin, so the task meets every flow again and again.
   */
  private static Dataset<Row> lakeRunsInOneTask() {
    return spark
        .read()
        .format("delta")
        .load(lake + "/runs")
        .withColumnRenamed("uuid", "run_uuid")
        .withColumnRenamed("values", "result_values")
        .coalesce(1);
  }

  @Test
  void indexListsEachTablesColumnsWithRapidProHeaders() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (FlowResultsTable table : FlowResultsTables.listed(spark, lake, latestVersion(lake))) {
      headers.put(table.flowUuid(), table.headers());
      columns.put(table.flowUuid(), table.columnNames());
      assertThat(table.tableName()).isEqualTo(FlowResultsTable.tableNameOf(table.flowUuid()));
      assertThat(table.location()).isEqualTo("flow_results/" + table.tableName());
    }
    Map<String, FlowResultsOracle.Table> expected =
        FlowResultsOracle.tables(SampleRuns.workspace());
    assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (flow, table) -> {
          assertThat(headers.get(flow)).as(flow).containsExactlyElementsOf(table.headers());
          assertThat(columns.get(flow)).as(flow).containsExactlyElementsOf(table.columns());
        });
    assertThat(headers.get("f1")).contains("Age (Category)", "Colour (Value)");
  }

  @Test
  void resultsTablesMatchTheirSchemaFileAndKeepStatisticsOffTheContact() throws IOException {
    JsonNode schema =
        new ObjectMapper()
            .readTree(
                Path.of("")
                    .toAbsolutePath()
                    .getParent()
                    .resolve("schemas/marts/flow_results_table.schema.json")
                    .toFile());
    List<String> fixed = new ArrayList<>();
    schema.get("required").forEach(n -> fixed.add(n.asText()));
    java.util.regex.Pattern result =
        java.util.regex.Pattern.compile(schema.get("patternProperties").fieldNames().next());
    String path = MartPaths.mart(lake, "flow_results/flow_f1");
    Dataset<Row> table = spark.read().format("delta").load(path);
    List<String> names = List.of(table.columns());
    assertThat(names.subList(0, fixed.size())).containsExactlyElementsOf(fixed);
    assertThat(names.subList(fixed.size(), names.size()))
        .isNotEmpty()
        .allMatch(c -> result.matcher(c).matches());
    assertThat(table.schema().apply("started").dataType().simpleString()).isEqualTo("timestamp");
    Map<String, String> properties =
        DeltaTable.forPath(spark, path).detail().select("properties").first().getJavaMap(0);
    // statistics on the run columns only: not the results, not the contact's (docs/erasure.md);
    // plain names, so no column mapping (delta-rs and polars read the table as it is)
    assertThat(properties)
        .containsEntry(
            "delta.dataSkippingStatsColumns",
            "`flow_name`,`started`,`modified`,`exited`,`run_uuid`")
        .doesNotContainKey("delta.columnMapping.mode");
  }

  @Test
  void resultsTablesWriteTheDistinctValuedRunColumnsPlainAndTheResultsWithADictionary()
      throws IOException {
    Path table = Path.of(MartPaths.mart(lake, "flow_results/flow_f1"));
    List<Path> files;
    try (Stream<Path> listed = Files.list(table)) {
      files = listed.filter(f -> f.toString().endsWith(".parquet")).toList();
    }
    assertThat(files).isNotEmpty();
    List<String> results =
        Stream.of(spark.read().format("delta").load(table.toString()).columns())
            .filter(c -> c.endsWith("_category"))
            .toList();
    assertThat(results).isNotEmpty();
    for (Path file : files) {
      Map<String, Boolean> dictionary = dictionaryEncodedColumns(file);
      FlowResultsTableWriter.DISTINCT_VALUED.forEach(
          column -> assertThat(dictionary).as(file.toString()).containsEntry(column, false));
      results.forEach(
          column -> assertThat(dictionary).as(file.toString()).containsEntry(column, true));
    }
  }

  /** Whether each column of a Parquet file's first row group has a dictionary page. */
  private static Map<String, Boolean> dictionaryEncodedColumns(Path file) throws IOException {
    Map<String, Boolean> encoded = new LinkedHashMap<>();
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      for (ColumnChunkMetaData column : reader.getFooter().getBlocks().get(0).getColumns()) {
        encoded.put(
            column.getPath().toDotString(),
            column.getEncodings().contains(Encoding.PLAIN_DICTIONARY)
                || column.getEncodings().contains(Encoding.RLE_DICTIONARY));
      }
    }
    return encoded;
  }

  @Test
  void nodeDropoffIsEmptyWhenNoRunHasAPathAndAFlowWithoutRunsLosesItsTable() {
    String noPaths = dir.resolve("no-paths").toString();
    LakeFixture.write(spark, noPaths, SampleRuns.withoutPaths());

    TransformResult result = Transform.run(spark, noPaths);

    assertThat(result.rowCounts().get("node_dropoff")).isZero();
    assertThat(result.rowCounts().get("flow_summary")).isEqualTo(4);
    assertThat(Path.of(MartPaths.mart(noPaths, "flow_results/flow_f3"))).isDirectory();

    LakeFixture.write(
        spark,
        noPaths,
        SampleRuns.withoutPaths().stream().filter(r -> !r.flowUuid().equals("f3")).toList());
    Transform.run(spark, noPaths);

    assertThat(Path.of(MartPaths.mart(noPaths, "flow_results/flow_f3"))).doesNotExist();
    assertThat(Path.of(MartPaths.mart(noPaths, "flow_results/flow_f1"))).isDirectory();
  }

  @Test
  void refusesALakeWithoutRuns() {
    String empty = dir.resolve("empty").toString();
    assertThatThrownBy(() -> Transform.run(spark, empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Delta table at")
        .hasMessageContaining("runs");
  }

  @Test
  void exportsCsvWithManifestAndSuccessMarker() throws IOException {
    Path out = dir.resolve("export-csv");

    ExportResult result = MartExport.export(spark, lake, ExportFormat.CSV, out.toString());

    assertExportLayout(out, "csv", result);
    try (Stream<Path> files = Files.list(out)) {
      List<String> expected =
          new java.util.ArrayList<>(List.of("manifest.json", "_SUCCESS", "flow_results"));
      ModelCatalog.load().marts().forEach(m -> expected.add(m.name() + ".csv"));
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("one file per mart, no part files, .crc or staging left")
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    List<String> lines = Files.readAllLines(out.resolve("flow_summary.csv"));
    assertThat(lines.stream().filter(l -> l.startsWith("flow_uuid,"))).as("headers").hasSize(1);
    Dataset<Row> summary =
        spark.read().option("header", "true").csv(out.resolve("flow_summary.csv").toString());
    assertThat(summary.columns())
        .contains("flow_uuid", "completion_rate", "median_seconds_to_complete");
    assertRatesRoundedTo4Decimals(summary);
    Dataset<Row> registration =
        spark
            .read()
            .option("header", "true")
            .csv(out.resolve("flow_results/flow_f1.csv").toString());
    assertThat(registration.columns())
        .startsWith("Contact UUID", "Contact Name", "URN", "Flow", "Started")
        .contains("Age (Category)", "Age (Value)");
    assertThat(registration.filter("`Run UUID` = 'r1'").select("Started").head().getString(0))
        .isEqualTo("2024-03-01T10:00:00.250000Z");
  }

  /** The CSV's rates are the lake's, rounded half up to 4 decimals and written as such. */
  private void assertRatesRoundedTo4Decimals(Dataset<Row> csv) {
    Map<String, Double> lakeRates = new LinkedHashMap<>();
    spark
        .read()
        .format("delta")
        .load(MartPaths.mart(lake, "flow_summary"))
        .collectAsList()
        .forEach(r -> lakeRates.put(r.getAs("flow_uuid"), r.getAs("completion_rate")));
    List<Row> rows = csv.select("flow_uuid", "completion_rate").collectAsList();
    assertThat(rows).hasSize(lakeRates.size());
    for (Row row : rows) {
      String written = row.getString(1);
      assertThat(written).matches("[01]\\.\\d{4}");
      assertThat(new java.math.BigDecimal(written))
          .isEqualTo(
              new java.math.BigDecimal(lakeRates.get(row.getString(0)))
                  .setScale(4, java.math.RoundingMode.HALF_UP));
    }
  }

  @Test
  void exportsParquetHoldingTheMartsRows() throws IOException {
    Path out = dir.resolve("export-parquet");

    ExportResult result = MartExport.export(spark, lake, ExportFormat.PARQUET, out.toString());

    assertExportLayout(out, "parquet", result);
    Dataset<Row> summary = spark.read().parquet(out.resolve("flow_summary").toString());
    RowComparison.assertSameRows(
        "flow_summary",
        List.of(summary.columns()),
        summary.collectAsList(),
        firstMarts.get("flow_summary"));
  }

  @Test
  void exportRefusesALakeWithoutMarts() {
    String noMarts = dir.resolve("no-marts").toString();
    assertThatThrownBy(
            () -> MartExport.export(spark, noMarts, ExportFormat.CSV, dir.resolve("x").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no mart flow_summary")
        .hasMessageContaining("flowlake transform");
  }

  /** manifest.json and _SUCCESS at the top, and files whose rows are the manifest's counts. */
  private static void assertExportLayout(Path out, String format, ExportResult result)
      throws IOException {
    assertThat(out.resolve(MartExport.SUCCESS)).exists();
    JsonNode manifest = new ObjectMapper().readTree(out.resolve(MartExport.MANIFEST).toFile());
    assertThat(manifest.get("schema_version").asInt())
        .isEqualTo(ModelCatalog.load().schemaVersion());
    assertThat(manifest.get("format").asText()).isEqualTo(format);
    Map<String, Long> manifestCounts = new LinkedHashMap<>();
    for (JsonNode table : manifest.get("tables")) {
      String name = table.get("name").asText();
      manifestCounts.put(name, table.get("rows").asLong());
      String path = table.get("path").asText();
      if (format.equals("csv")) {
        assertThat(path).isEqualTo(name + ".csv");
        assertThat(out.resolve(path)).as(name).isRegularFile();
      } else {
        try (Stream<Path> files = Files.list(out.resolve(name))) {
          assertThat(files.map(f -> f.getFileName().toString()))
              .as(name)
              .anyMatch(f -> f.startsWith("part-") && f.endsWith("." + format));
        }
      }
      Dataset<Row> rows =
          format.equals("csv")
              ? spark
                  .read()
                  .option("header", "true")
                  .option("multiLine", "true")
                  .csv(out.resolve(path).toString())
              : spark.read().parquet(out.resolve(name).toString());
      assertThat(rows.count()).as(name).isEqualTo(table.get("rows").asLong());
    }
    assertThat(manifestCounts).isEqualTo(result.rowCounts());
    Map<String, Long> marts = new LinkedHashMap<>(first.rowCounts());
    long runs = marts.remove("flow_results");
    assertThat(manifestCounts).containsAllEntriesOf(marts);
    // the rest are the flows' results tables, a row per run
    assertThat(manifestCounts.keySet())
        .filteredOn(name -> !marts.containsKey(name))
        .hasSize(4)
        .allMatch(name -> name.startsWith("flow_results/flow_"));
    assertThat(
            manifestCounts.entrySet().stream()
                .filter(e -> !marts.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum())
        .isEqualTo(runs);
  }

  private static long latestVersion(String lake) {
    return TableSnapshot.latestVersion(spark, MartPaths.mart(lake, FlowResultsTables.INDEX));
  }

  private static Map<String, List<Row>> readMarts(String lake) {
    Map<String, List<Row>> marts = new LinkedHashMap<>();
    for (Model mart : ModelCatalog.load().marts()) {
      marts.put(
          mart.name(),
          spark.read().format("delta").load(MartPaths.mart(lake, mart.name())).collectAsList());
    }
    return marts;
  }

  private static long martVersion(String mart) {
    return TableSnapshot.latestVersion(spark, MartPaths.mart(lake, mart));
  }
}
