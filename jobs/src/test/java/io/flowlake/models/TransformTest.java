package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import io.flowlake.api.RunRecord;
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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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
            "flow_results_wide",
            "flow_segments",
            "result_segments");
    // not segmented (no --segment-by): the segment marts exist, empty
    assertThat(first.rowCounts().get("flow_segments")).isZero();
    assertThat(first.rowCounts().get("result_segments")).isZero();
    firstMarts.forEach(
        (mart, rows) -> assertThat(first.rowCounts().get(mart)).as(mart).isEqualTo(rows.size()));
    assertThat(first.rowCounts().get("flow_results_wide")).isEqualTo(SampleRuns.workspace().size());
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
  void wideExportHasRapidProColumnNames() {
    Dataset<Row> wide =
        spark.read().format("delta").load(MartPaths.mart(lake, "flow_results_wide"));
    assertThat(wide.columns())
        .startsWith(
            "Contact UUID",
            "Contact Name",
            "URN",
            "Flow",
            "Started",
            "Modified",
            "Exited",
            "Run UUID")
        .contains(
            "Age (Category) - Registration v2",
            "Colour (Value) - Registration v2",
            "Q (Value) - Paths off");
  }

  @Test
  void wideMartKeepsEachFlowsRunsTogetherInAFileAndIndexesOnlyTheRunColumns() {
    String path = MartPaths.mart(lake, "flow_results_wide");
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(path)
            .selectExpr("input_file_name() as file", "monotonically_increasing_id() as at", "Flow")
            .orderBy("at")
            .collectAsList();
    Map<String, List<String>> flowsByFile = new LinkedHashMap<>();
    rows.forEach(
        row ->
            flowsByFile
                .computeIfAbsent(row.getString(0), file -> new ArrayList<>())
                .add(row.getString(2)));
    flowsByFile.forEach(
        (file, flows) -> {
          // a flow's runs form one block: the flow changes once per further flow in the file
          long changes =
              IntStream.range(1, flows.size())
                  .filter(i -> !flows.get(i).equals(flows.get(i - 1)))
                  .count();
          assertThat(changes).as(file).isEqualTo(flows.stream().distinct().count() - 1);
        });
    Map<String, String> properties =
        DeltaTable.forPath(spark, path).detail().select("properties").first().getJavaMap(0);
    // statistics on the run columns only: not the results, and not the contact's (docs/erasure.md)
    assertThat(properties)
        .containsEntry(
            "delta.dataSkippingStatsColumns", "`Flow`,`Started`,`Modified`,`Exited`,`Run UUID`");
  }

  @Test
  void nodeDropoffIsEmptyWhenNoRunHasAPath() {
    String noPaths = dir.resolve("no-paths").toString();
    LakeFixture.write(spark, noPaths, SampleRuns.withoutPaths());

    TransformResult result = Transform.run(spark, noPaths);

    assertThat(result.rowCounts().get("node_dropoff")).isZero();
    assertThat(result.rowCounts().get("flow_summary")).isEqualTo(4);
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
    Dataset<Row> summary =
        spark.read().option("header", "true").csv(out.resolve("flow_summary").toString());
    assertThat(summary.columns())
        .contains("flow_uuid", "completion_rate", "median_seconds_to_complete");
    Dataset<Row> wide =
        spark.read().option("header", "true").csv(out.resolve("flow_results_wide").toString());
    assertThat(wide.columns()).contains("Rating (Category) - Feedback");
    assertThat(wide.filter("`Run UUID` = 'r1'").select("Started").head().getString(0))
        .isEqualTo("2024-03-01T10:00:00.250000Z");
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
      try (Stream<Path> files = Files.list(out.resolve(name))) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .as(name)
            .anyMatch(f -> f.startsWith("part-") && f.endsWith("." + format));
      }
      Dataset<Row> rows =
          format.equals("csv")
              ? spark
                  .read()
                  .option("header", "true")
                  .option("multiLine", "true")
                  .csv(out.resolve(name).toString())
              : spark.read().parquet(out.resolve(name).toString());
      assertThat(rows.count()).as(name).isEqualTo(table.get("rows").asLong());
    }
    assertThat(manifestCounts).isEqualTo(first.rowCounts()).isEqualTo(result.rowCounts());
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
    return DeltaTable.forPath(spark, MartPaths.mart(lake, mart))
        .history(1)
        .select("version")
        .head()
        .getLong(0);
  }
}
