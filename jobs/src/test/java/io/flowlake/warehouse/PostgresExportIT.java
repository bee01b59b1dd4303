package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.models.MartPaths;
import io.flowlake.models.Model;
import io.flowlake.models.ModelCatalog;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlake export --jdbc-url} into a real PostgreSQL on loopback: every mart becomes a typed
 * table keyed on its grain with exactly the mart's rows, and exporting again replaces the content
 * instead of adding to it.
 */
@ExtendWith(SharedSpark.class)
class PostgresExportIT {

  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension static final InProcessCli cli = new InProcessCli();

  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(3000).flows(4));

  private static PostgresServer postgres;
  @TempDir static Path dir;

  /**
   * A lake of the simulator's 3,000 runs, pulled and transformed by {@code run}, segmented so that
   * some segments have fewer than 30 runs.
   */
  @BeforeAll
  static void start(Simulator sim) throws Exception {
    postgres = PostgresServer.start();
    CliResult run =
        cli.against(sim)
            .run(
                "run",
                "--lake",
                lake(),
                "--contact-fields",
                "gender,district",
                "--segment-by",
                "gender,district,group",
                "--min-segment-runs",
                "30");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  private static String lake() {
    return dir.resolve("demo-lake").toString();
  }

  private static CliResult export() throws Exception {
    return export(Files.writeString(dir.resolve("pg-password"), PostgresServer.PASSWORD));
  }

  private static CliResult export(Path passwordFile) {
    return cli.run(
        "export",
        "--lake",
        lake(),
        "--jdbc-url",
        postgres.url(),
        "--jdbc-user",
        PostgresServer.USER,
        "--jdbc-password-file",
        passwordFile.toString());
  }

  private static Connection db() throws Exception {
    return postgres.connect();
  }

  private static long count(Statement sql, String table) throws Exception {
    try (ResultSet rs = sql.executeQuery("select count(*) from \"" + table + "\"")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Row> mart(String name) {
    String lake = dir.resolve("demo-lake").toUri().toString();
    return spark.read().format("delta").load(MartPaths.mart(lake, name)).collectAsList();
  }

  @Test
  void everyMartBecomesATypedTableWithItsRowsAndItsGrainAsPrimaryKey() throws Exception {
    assertThat(export().exitCode()).isZero();
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      for (Model mart : ModelCatalog.load().marts()) {
        assertThat(count(sql, mart.name())).as(mart.name()).isEqualTo(mart(mart.name()).size());
        assertThat(PgCatalog.primaryKey(sql, mart.name())).as(mart.name()).isEqualTo(mart.grain());
      }
      assertThat(PgCatalog.columnType(sql, "flow_daily", "day")).isEqualTo("date");
      assertThat(PgCatalog.columnType(sql, "flow_summary", "runs")).isEqualTo("bigint");
      assertThat(PgCatalog.columnType(sql, "flow_summary", "completion_rate"))
          .isEqualTo("double precision");
      assertThat(PgCatalog.columnType(sql, "flow_summary", "first_started_on"))
          .isEqualTo("timestamp with time zone");
      assertThat(PgCatalog.columnType(sql, "result_categories", "free_text")).isEqualTo("boolean");

      for (Row expected : mart("flow_summary")) {
        String flow = expected.getAs("flow_uuid");
        try (ResultSet rs =
            sql.executeQuery(
                "select runs, completed, completion_rate, first_started_on from flow_summary"
                    + " where flow_uuid = '"
                    + flow
                    + "'")) {
          assertThat(rs.next()).as(flow).isTrue();
          assertThat(rs.getLong("runs")).isEqualTo(expected.<Long>getAs("runs"));
          assertThat(rs.getLong("completed")).isEqualTo(expected.<Long>getAs("completed"));
          assertThat(rs.getDouble("completion_rate"))
              .isEqualTo(expected.<Double>getAs("completion_rate"));
          assertThat(rs.getObject("first_started_on", OffsetDateTime.class).toInstant())
              .isEqualTo(expected.<java.sql.Timestamp>getAs("first_started_on").toInstant());
        }
      }
      assertSuppressedRowsHaveNoNumbers(sql);
      assertEachFlowHasATableCommentedWithRapidProHeaders(sql);
      long demoRuns = 3000;
      try (ResultSet rs = sql.executeQuery("select sum(runs) from flow_summary")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(demoRuns);
      }
      try (ResultSet rs = sql.executeQuery("select sum(runs_started) from flow_daily")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(demoRuns);
      }
    }
  }

  /**
   * One table per flow of flow_results_index, under its table_name (flow_ and the uuid: within 63
   * bytes, whatever the flow is called), keyed by run, its columns in the index's order, each
   * commented with RapidPro's header.
   */
  private static void assertEachFlowHasATableCommentedWithRapidProHeaders(Statement sql)
      throws Exception {
    java.util.Map<String, List<Row>> byTable = new java.util.TreeMap<>();
    for (Row row : mart("flow_results_index")) {
      byTable.computeIfAbsent(row.getAs("table_name"), t -> new ArrayList<>()).add(row);
    }
    assertThat(byTable).as("a table per flow").hasSize(4);
    long runs = 0;
    for (java.util.Map.Entry<String, List<Row>> table : byTable.entrySet()) {
      String name = table.getKey();
      Row first = table.getValue().get(0);
      assertThat(name)
          .isEqualTo("flow_" + first.<String>getAs("flow_uuid").replace('-', '_'))
          .hasSizeLessThanOrEqualTo(63);
      assertThat(count(sql, name)).as(name).isEqualTo(first.<Long>getAs("runs"));
      runs += first.<Long>getAs("runs");
      assertThat(PgCatalog.primaryKey(sql, name)).as(name).containsExactly("run_uuid");
      List<String> expected =
          table.getValue().stream()
              .sorted(java.util.Comparator.comparing(r -> r.<Integer>getAs("position")))
              .map(r -> r.getAs("column_name") + " = " + r.getAs("display_name"))
              .toList();
      List<String> commented = new ArrayList<>();
      try (ResultSet rs =
          sql.executeQuery(
              "select attname, col_description(attrelid, attnum) from pg_attribute"
                  + " where attrelid = '\""
                  + name
                  + "\"'::regclass and attnum > 0"
                  + " and not attisdropped order by attnum")) {
        while (rs.next()) {
          commented.add(rs.getString(1) + " = " + rs.getString(2));
        }
      }
      assertThat(commented).as(name).containsExactlyElementsOf(expected).contains("urn = URN");
    }
    assertThat(runs).isEqualTo(3000);
  }

  /** Small segments arrive without counts or rates; the others with the lake's exact numbers. */
  private static void assertSuppressedRowsHaveNoNumbers(Statement sql) throws Exception {
    List<Row> segments = mart("flow_segments");
    long suppressed = segments.stream().filter(r -> r.<Boolean>getAs("suppressed")).count();
    assertThat(suppressed).as("suppressed segments").isPositive().isLessThan(segments.size());
    try (ResultSet rs =
        sql.executeQuery(
            "select count(*) filter (where suppressed),"
                + " count(*) filter (where suppressed and (runs is not null"
                + " or completion_rate is not null or responded is not null)),"
                + " count(*) filter (where not suppressed and runs is null)"
                + " from flow_segments")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(suppressed);
      assertThat(rs.getLong(2)).as("suppressed rows with numbers").isZero();
      assertThat(rs.getLong(3)).as("unsuppressed rows without").isZero();
    }
    try (ResultSet rs =
        sql.executeQuery(
            "select count(*) from result_segments where suppressed and (runs is not null"
                + " or share is not null)")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  @Test
  void exportingAgainReplacesEachTableInsteadOfAddingToIt() throws Exception {
    assertThat(export().exitCode()).isZero();
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      // a row the mart does not have, as a stale or hand-edited table would
      sql.execute(
          "insert into flow_summary (flow_uuid, runs, first_started_on) values ('not-a-flow', 1, '"
              + OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
              + "')");
      long before = count(sql, "flow_summary");

      assertThat(export().exitCode()).isZero();

      assertThat(count(sql, "flow_summary")).isEqualTo(before - 1);
      assertThat(count(sql, "flow_summary")).isEqualTo(mart("flow_summary").size());
      try (ResultSet rs =
          sql.executeQuery("select count(*) from flow_summary where flow_uuid = 'not-a-flow'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      assertThat(count(sql, "flow_results_index")).isEqualTo(mart("flow_results_index").size());
    }
  }

  @Test
  void aWrongPasswordFailsWithExitTwoAndOneLineThatDoesNotShowIt() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-it-secret");
    CliResult result = export(wrong);
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("password authentication failed")
        .doesNotContain("not-it-secret");
    assertThat(result.lineCount()).isEqualTo(1);
  }
}
