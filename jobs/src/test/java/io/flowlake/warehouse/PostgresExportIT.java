package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.SparkTestSession;
import io.flowlake.cli.FlowlakeCli;
import io.flowlake.models.MartPaths;
import io.flowlake.models.Model;
import io.flowlake.models.ModelCatalog;
import io.flowlake.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlake export --jdbc-url} into a real PostgreSQL on loopback: every mart becomes a typed
 * table keyed on its grain with exactly the mart's rows, and exporting again replaces the content
 * instead of adding to it.
 */
class PostgresExportIT {

  private static SparkSession spark;
  private static PostgresServer postgres;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkTestSession.start();
    postgres = PostgresServer.start();
    try (Simulator sim = Simulator.builder().runs(3000).flows(4).requestsPerHour(0).start()) {
      Path token = Files.writeString(dir.resolve("token"), sim.token());
      int run =
          FlowlakeCli.execute(
              "run",
              "--api",
              sim.url().toString(),
              "--token-file",
              token.toString(),
              "--lake",
              dir.resolve("demo-lake").toString());
      assertThat(run).as("flowlake run").isZero();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } finally {
      spark.stop();
    }
  }

  private static int export() throws Exception {
    Path password = Files.writeString(dir.resolve("pg-password"), PostgresServer.PASSWORD);
    return export(password, new java.io.PrintWriter(System.err, true));
  }

  private static int export(Path passwordFile, java.io.PrintWriter err) {
    return FlowlakeCli.execute(
        err,
        "export",
        "--lake",
        dir.resolve("demo-lake").toString(),
        "--jdbc-url",
        postgres.url(),
        "--jdbc-user",
        PostgresServer.USER,
        "--jdbc-password-file",
        passwordFile.toString());
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        postgres.url(), PostgresServer.USER, PostgresServer.PASSWORD);
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
    assertThat(export()).isZero();
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      for (Model mart : ModelCatalog.load().marts()) {
        assertThat(count(sql, mart.name())).as(mart.name()).isEqualTo(mart(mart.name()).size());
        assertThat(primaryKey(sql, mart.name())).as(mart.name()).isEqualTo(mart.grain());
      }
      assertThat(columnType(sql, "flow_daily", "day")).isEqualTo("date");
      assertThat(columnType(sql, "flow_summary", "runs")).isEqualTo("bigint");
      assertThat(columnType(sql, "flow_summary", "completion_rate")).isEqualTo("double precision");
      assertThat(columnType(sql, "flow_summary", "first_started_on"))
          .isEqualTo("timestamp with time zone");
      assertThat(columnType(sql, "result_categories", "free_text")).isEqualTo("boolean");

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

  @Test
  void exportingAgainReplacesEachTableInsteadOfAddingToIt() throws Exception {
    assertThat(export()).isZero();
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      // a row the mart does not have, as a stale or hand-edited table would
      sql.execute(
          "insert into flow_summary (flow_uuid, runs, first_started_on) values ('not-a-flow', 1, '"
              + OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
              + "')");
      long before = count(sql, "flow_summary");

      assertThat(export()).isZero();

      assertThat(count(sql, "flow_summary")).isEqualTo(before - 1);
      assertThat(count(sql, "flow_summary")).isEqualTo(mart("flow_summary").size());
      try (ResultSet rs =
          sql.executeQuery("select count(*) from flow_summary where flow_uuid = 'not-a-flow'")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      assertThat(count(sql, "flow_results_wide")).isEqualTo(mart("flow_results_wide").size());
    }
  }

  @Test
  void aWrongPasswordFailsWithExitOneAndOneLineThatDoesNotShowIt() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-it-secret");
    java.io.StringWriter err = new java.io.StringWriter();
    int code = export(wrong, new java.io.PrintWriter(err, true));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("password authentication failed")
        .doesNotContain("not-it-secret");
    assertThat(err.toString().lines().filter(l -> !l.startsWith("("))).hasSize(1);
  }

  private static List<String> primaryKey(Statement sql, String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs =
        sql.executeQuery(
            "select a.attname from pg_index i"
                + " join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)"
                + " where i.indrelid = '\""
                + table
                + "\"'::regclass and i.indisprimary"
                + " order by array_position(i.indkey::int2[], a.attnum)")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    return columns;
  }

  private static String columnType(Statement sql, String table, String column) throws Exception {
    try (ResultSet rs =
        sql.executeQuery(
            "select data_type from information_schema.columns where table_name = '"
                + table
                + "' and column_name = '"
                + column
                + "'")) {
      assertThat(rs.next()).as(table + "." + column).isTrue();
      return rs.getString(1);
    }
  }
}
