package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import io.flowlake.ProjectFiles;
import io.flowlake.api.ContactRecord;
import io.flowlake.config.FieldSelection;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RejectsStore;
import io.flowlake.models.ModelCatalog;
import io.flowlake.models.SegmentRequest;
import io.flowlake.models.Transform;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table of a lake (found by walking it for Delta logs, so tables added later are covered)
 * reads the same in delta-rs ({@code deltalake}'s {@code to_pyarrow_table}) and polars ({@code
 * read_delta}) as in Spark, row for row. The lake has every table non-empty: contacts kept, a
 * reject, a contact deleted in RapidPro (tombstones), segmented marts. Its {@code rejects} table
 * was first made the way an older flowlake made it, with deletion vectors in use, and is repaired
 * on the next open. The same lake shows why reading a table's folder as plain Parquet is wrong: it
 * counts the rows of files Delta has removed.
 */
@ExtendWith(SharedSpark.class)
class ReadersAgreeWithSparkIT {

  private static final SparkSession spark = SharedSpark.session();

  private static final List<String> READERS = List.of("deltalake", "polars");

  @RegisterExtension final SimulatorExtension simulator = SimulatorExtension.onDemand();
  @TempDir Path dir;

  @Test
  void everyTableReadsInDeltaRsAndPolarsAsInSpark() throws Exception {
    Simulator sim =
        simulator.start(Simulator.builder().runs(200).flows(2).seed(16).requestsPerHour(0));
    PullFixture fx = new PullFixture(spark, simulator::get);
    Path lake = dir.resolve("lake");
    LakePaths paths = fx.paths(lake);
    rejectsAsAnOlderFlowlakeLeftThem(paths);

    pull(fx, paths);
    sim.workspace().deleteContact(contactWithRuns(sim).uuid());
    pull(fx, paths);
    new RejectsStore(spark, paths).add(reject(), LakeTables.SOURCE_API, Instant.now());
    Transform.run(spark, paths.root(), SegmentRequest.parse("gender,group", null, 1));

    Map<String, Path> tables = deltaTables(lake);
    assertThat(tables.keySet())
        .containsAll(LakeTables.ALL.stream().map(LakeTables.Table::name).toList())
        .containsAll(ModelCatalog.load().marts().stream().map(m -> "marts/" + m.name()).toList());
    assertThat(tables.keySet().stream().filter(t -> t.startsWith("marts/flow_results/")))
        .as("a results table per flow")
        .hasSize(2);
    tables.forEach(
        (name, path) ->
            assertThat(features(path))
                .as("%s's table features", name)
                .doesNotContain("deletionVectors"));

    Path out = Files.createDirectories(dir.resolve("dumps"));
    dumpWithPython(out, tables);
    for (Map.Entry<String, Path> table : tables.entrySet()) {
      String name = table.getKey();
      Dataset<Row> rows = spark.read().format("delta").load(table.getValue().toString());
      List<String> expected = CanonicalRows.ofSpark(rows.collectAsList(), rows.schema());
      assertThat(expected).as("%s has rows", name).isNotEmpty();
      for (String reader : READERS) {
        Path error = out.resolve(reader).resolve(fileName(name) + ".error");
        assertThat(error)
            .as("%s reads %s: %s", reader, name, Files.exists(error) ? Files.readString(error) : "")
            .doesNotExist();
        List<String> actual =
            CanonicalRows.ofJsonLines(out.resolve(reader).resolve(fileName(name) + ".jsonl"));
        // the message names columns, never values: the rows hold the simulator's people
        assertThat(actual.equals(expected))
            .as(
                "%s as %s reads it: %d rows against Spark's %d; first unequal row differs in %s",
                name,
                reader,
                actual.size(),
                expected.size(),
                CanonicalRows.firstDifference(expected, actual))
            .isTrue();
      }
    }

    // runs lost the deleted contact's rows by a rewrite: the old files stay until a vacuum
    JsonNode plain = new ObjectMapper().readTree(out.resolve("plain_parquet_rows.json").toFile());
    long runs = spark.read().format("delta").load(paths.runs()).count();
    assertThat(plain.get(LakeTables.RUNS).asLong())
        .as("runs read as plain Parquet count removed files")
        .isGreaterThan(runs);
  }

  private static void pull(PullFixture fx, LakePaths paths) {
    PullSettings settings =
        new PullSettings(fx.options(), Duration.ofMinutes(10), false)
            .withContacts(ContactsSettings.keeping(FieldSelection.parse("gender,district")));
    new PullJob(spark, paths, Clock.systemUTC(), PullStage.Listener.NONE)
        .run(settings, PullJob.newPullId());
  }

  /** A rejects table with deletion vectors on and one in use, as flowlake made them before. */
  private static void rejectsAsAnOlderFlowlakeLeftThem(LakePaths paths) {
    DeltaTable old =
        DeltaTable.create(spark)
            .location(paths.rejects())
            .addColumns(LakeTables.REJECTS_SCHEMA)
            .property("delta.enableDeletionVectors", "true")
            .execute();
    Timestamp at = Timestamp.from(Instant.parse("2026-01-02T03:04:05.123456Z"));
    spark
        .createDataFrame(
            List.of(
                RowFactory.create("old-1", "{\"id\": 1}", "unknown exit_type", "api", "test", at),
                RowFactory.create("old-2", "{\"id\": 2}", "unknown exit_type", "api", "test", at)),
            LakeTables.REJECTS_SCHEMA)
        .coalesce(1) // one file, so deleting one of its rows leaves a vector, not a removed file
        .write()
        .format("delta")
        .mode("append")
        .save(paths.rejects());
    old.delete("reject_id = 'old-1'");
    Map<String, String> metrics = old.history(1).select("operationMetrics").head().getJavaMap(0);
    assertThat(metrics.get("numDeletionVectorsAdded"))
        .as("the old table used a vector")
        .isEqualTo("1");
    assertThat(features(Path.of(java.net.URI.create(paths.rejects())))).contains("deletionVectors");
  }

  private static Dataset<Row> reject() {
    StructType schema =
        new StructType()
            .add("raw", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("location", DataTypes.StringType);
    return spark.createDataFrame(
        List.of(RowFactory.create("{\"id\": 3}", "unknown exit_type", "test")), schema);
  }

  private static ContactRecord contactWithRuns(Simulator sim) {
    Set<String> withRuns = new java.util.HashSet<>();
    sim.workspace().snapshot().forEach(r -> withRuns.add(r.contact().uuid()));
    return sim.workspace().contactSnapshot().stream()
        .filter(c -> !c.deleted() && withRuns.contains(c.uuid()))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> features(Path table) {
    Row detail =
        DeltaTable.forPath(spark, table.toString()).detail().select("tableFeatures").head();
    return detail.isNullAt(0) ? List.of() : detail.getList(0);
  }

  /** Every folder under the lake with a Delta log, by its path from the lake ("marts/x"). */
  private static Map<String, Path> deltaTables(Path lake) throws Exception {
    Map<String, Path> tables = new TreeMap<>();
    try (Stream<Path> logs = Files.walk(lake)) {
      logs.filter(p -> p.getFileName().toString().equals("_delta_log"))
          .map(Path::getParent)
          .forEach(t -> tables.put(lake.relativize(t).toString(), t));
    }
    return tables;
  }

  private static String fileName(String table) {
    return table.replace('/', '.');
  }

  private static void dumpWithPython(Path out, Map<String, Path> tables) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(venvPython());
    command.add(ProjectFiles.root().resolve("jobs/src/test/python/dump_tables.py").toString());
    command.add(out.toString());
    tables.forEach((name, path) -> command.add(fileName(name) + "=" + path));
    Path log = out.resolve("dump_tables.log");
    Process python =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(python.waitFor(10, TimeUnit.MINUTES)).as("dump_tables.py finished").isTrue();
    assertThat(python.exitValue()).as(Files.readString(log)).isZero();
  }

  /** bin/venv makes the pinned environment when missing (or reuses $FLOWLAKE_VENV). */
  private static String venvPython() throws Exception {
    Process venv =
        new ProcessBuilder(ProjectFiles.root().resolve("bin/venv").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String python = new String(venv.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(venv.waitFor(30, TimeUnit.MINUTES)).as("bin/venv finished").isTrue();
    assertThat(venv.exitValue()).as("bin/venv exit code").isZero();
    return python.strip().lines().reduce((first, last) -> last).orElseThrow();
  }
}
