package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.LakePaths;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18's warehouse feed into a real PostgreSQL on loopback, on one small lake: the first
 * export equals the lake row for row; after a pull with changed and new runs and a contact deleted
 * in RapidPro, an export that fails half-way leaves every table as of one export or the other, and
 * the next one converges without sending anything twice; the deleted contact's rows are gone; a
 * second exporter on the same schema exits 4, or waits.
 */
@ExtendWith(SharedSpark.class)
class WarehouseFeedIT {

  private static final SparkSession spark = SharedSpark.session();
  private static final List<String> FED = List.of("runs", "run_values", "contacts");
  @RegisterExtension static final InProcessCli cli = new InProcessCli();

  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(300).flows(2).seed(18));

  private static PostgresServer postgres;
  @TempDir static Path dir;

  @BeforeAll
  static void start(Simulator sim) throws Exception {
    postgres = PostgresServer.start();
    CliResult pull = cli.against(sim).run("pull", "--lake", lake());
    assertThat(pull.exitCode()).as(pull.err()).isZero();
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void keepsTheWarehouseEqualToTheLakeThroughChangesDeletionsAFailedExportAndASecondExporter(
      Simulator sim) throws Exception {
    CliResult first = export();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("(whole table)");
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      assertWarehouseEqualsLake(db);
      assertThat(PgCatalog.count(sql, "select count(*) from runs")).isGreaterThanOrEqualTo(300);
      assertThat(PgCatalog.primaryKey(sql, "runs")).containsExactly("uuid");
      assertThat(PgCatalog.primaryKey(sql, "run_values")).containsExactly("run_uuid", "result_key");
      assertThat(
              PgCatalog.count(
                  sql,
                  "select count(*) from pg_indexes where tablename = 'runs'"
                      + " and indexdef like '%(flow_uuid, modified_on)%'"))
          .isEqualTo(1);
      assertThat(PgCatalog.columnType(sql, "runs", "values")).isEqualTo("jsonb");
      assertThat(PgCatalog.columnType(sql, "contacts", "fields")).isEqualTo("jsonb");
      // the lake's default policy drops names and URNs; the warehouse has no more than the lake
      assertThat(PgCatalog.count(sql, "select count(*) from contacts where name is not null"))
          .isZero();
    }

    // Changes in RapidPro: runs advanced and started, a contact with runs deleted. The contacts
    // table stops recording its change feed for a while, as on a lake older than the feed.
    RunRecord someRun = sim.workspace().snapshot().get(0);
    String deleted = someRun.contact().uuid();
    sim.workspace().modifyRuns(15);
    sim.workspace().addRuns(5);
    sim.workspace().deleteContact(deleted);
    spark.sql(
        "alter table delta.`"
            + paths().contacts()
            + "` set tblproperties ('delta.enableChangeDataFeed' = 'false')");
    CliResult pull = cli.against(sim).run("pull", "--lake", lake());
    assertThat(pull.exitCode()).as(pull.err()).isZero();

    // The export fails at run_values (a trigger raises), after runs committed.
    List<String> runValuesBefore;
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      runValuesBefore = LakeVsWarehouse.warehouse(db, "run_values");
      sql.execute(
          "create function refuse() returns trigger language plpgsql as"
              + " $$ begin raise exception 'refused by the test'; end $$");
      sql.execute(
          "create trigger refuse before insert or update or delete on run_values"
              + " for each statement execute function refuse()");
    }
    CliResult failed = export();
    assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
    assertThat(failed.err()).contains("refused by the test");
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      assertThat(LakeVsWarehouse.warehouse(db, "runs"))
          .isEqualTo(LakeVsWarehouse.lake(spark, paths().runs(), "runs"));
      assertThat(LakeVsWarehouse.warehouse(db, "run_values")).isEqualTo(runValuesBefore);
      sql.execute("drop trigger refuse on run_values");
    }

    CliResult converged = export();
    assertThat(converged.exitCode()).as(converged.err()).isZero();
    assertThat(converged.outLineOf("runs")).contains("up to date"); // not sent twice
    assertThat(converged.outLineOf("run_values")).contains("(changes)");
    assertThat(converged.out())
        .contains("contacts: the lake's change data feed cannot give versions");
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      assertWarehouseEqualsLake(db);
      for (String table : List.of("runs", "run_values")) {
        assertThat(
                PgCatalog.count(
                    sql,
                    "select count(*) from " + table + " where contact_uuid = '" + deleted + "'"))
            .as(table)
            .isZero();
      }
      assertThat(
              PgCatalog.count(sql, "select count(*) from contacts where uuid = '" + deleted + "'"))
          .isZero();
    }

    // A second exporter on the same schema: exits 4 at once, or waits for the lock with a budget.
    try (Connection holder = db();
        Statement sql = holder.createStatement()) {
      sql.execute("select pg_advisory_lock(" + WarehouseLock.KEY + ")");
      CliResult locked = export();
      assertThat(locked.exitCode()).as(locked.err()).isEqualTo(4);
      assertThat(locked.err()).contains("another flowlake export").hasLineCount(1);
      CompletableFuture<Void> release =
          CompletableFuture.runAsync(
              () -> {
                try {
                  sql.execute("select pg_advisory_unlock(" + WarehouseLock.KEY + ")");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
      CliResult waited = export("--jdbc-lock-wait", "60s");
      release.join();
      assertThat(waited.exitCode()).as(waited.err()).isZero();
      assertThat(waited.outLineOf("runs")).contains("up to date");
    }
  }

  @Test
  void badTableNamesAndForeignTablesExitTwoWithOneLine() throws Exception {
    CliResult unknown = exportTables("runs,flows");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("'flows'").hasLineCount(1);

    try (Connection db = db();
        Statement sql = db.createStatement()) {
      sql.execute("create schema other");
      sql.execute("create table other.runs (uuid text primary key, note text)");
    }
    CliResult foreign = exportTo(postgres.url() + "?currentSchema=other", "runs");
    assertThat(foreign.exitCode()).as(foreign.err()).isEqualTo(2);
    assertThat(foreign.err()).contains("table runs exists with other columns").hasLineCount(1);
    try (Connection db = db();
        Statement sql = db.createStatement()) {
      assertThat(PgCatalog.count(sql, "select count(*) from other.runs")).isZero(); // never dropped
      assertThat(
              PgCatalog.count(
                  sql,
                  "select count(*) from information_schema.columns"
                      + " where table_schema = 'other' and table_name = 'runs'"))
          .isEqualTo(2);
    }
  }

  private static void assertWarehouseEqualsLake(Connection db) throws Exception {
    LakePaths paths = paths();
    for (String table : FED) {
      String path =
          switch (table) {
            case "runs" -> paths.runs();
            case "run_values" -> paths.runValues();
            default -> paths.contacts();
          };
      List<String> lake = LakeVsWarehouse.lake(spark, path, table);
      assertThat(lake).as(table).isNotEmpty();
      assertThat(LakeVsWarehouse.warehouse(db, table)).as(table).isEqualTo(lake);
    }
  }

  private static String lake() {
    return dir.resolve("lake").toString();
  }

  private static LakePaths paths() {
    return new LakePaths(dir.resolve("lake").toUri().toString());
  }

  private static Path passwordFile() throws Exception {
    return Files.writeString(dir.resolve("pg-password"), PostgresServer.PASSWORD);
  }

  private static CliResult export(String... more) throws Exception {
    return exportTo(postgres.url(), String.join(",", FED), more);
  }

  private static CliResult exportTables(String tables) throws Exception {
    return exportTo(postgres.url(), tables);
  }

  private static CliResult exportTo(String url, String tables, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "export",
                "--lake",
                lake(),
                "--jdbc-url",
                url,
                "--jdbc-user",
                PostgresServer.USER,
                "--jdbc-password-file",
                passwordFile().toString(),
                "--tables",
                tables));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  private static Connection db() throws Exception {
    return postgres.connect();
  }
}
