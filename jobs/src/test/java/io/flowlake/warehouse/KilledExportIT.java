package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.lake.DeltaLogFiles;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export in a JVM of its own, killed with SIGKILL while its transactions are open: in its first
 * export (tables sent whole, one after another) and in a later one (batches of changes side by
 * side, each on its own connection). Every table is left as of one export or the other, its
 * recorded version saying which, and the next export converges on the lake without sending a
 * committed batch again. A trigger holds one table's batch (pg_sleep) so the kill lands inside it;
 * the server drops a dead client's backend within 100 ms ({@code
 * client_connection_check_interval}), as it would at its next read of the socket in a COPY.
 */
@ExtendWith(SharedSpark.class)
class KilledExportIT {

  private static final SparkSession spark = SharedSpark.session();
  private static final List<String> FED = List.of("runs", "run_values", "contacts");
  @RegisterExtension static final InProcessCli cli = new InProcessCli();

  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(200).flows(2).seed(34));

  private static PostgresServer postgres;
  @TempDir static Path dir;

  @BeforeAll
  static void start(Simulator sim) throws Exception {
    postgres = PostgresServer.start();
    try (Connection db = postgres.connect();
        Statement sql = db.createStatement()) {
      sql.execute("alter system set client_connection_check_interval = '100ms'");
      sql.execute("select pg_reload_conf()");
    }
    pull(sim);
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void anExportKilledWithItsTransactionsOpenLeavesEachTableWholeAndTheNextConverges(Simulator sim)
      throws Exception {
    // 1. the first export, killed in run_values' whole-table COPY: runs was committed before it
    Map<String, List<String>> empty = warehouse();
    killInside("run_values");
    assertEachTableAsOfOneExportOrTheOther(empty);
    assertThat(recorded("runs")).as("runs, committed before the kill").isPresent();
    assertThat(recorded("run_values from runs")).as("run_values, killed in its COPY").isEmpty();

    CliResult first = export();
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.outLineOf("runs")).contains("up to date"); // not sent twice
    assertThat(first.outLineOf("run_values")).contains("(whole table)");
    assertWarehouseEqualsLake();

    // 2. a later export, its batches of changes side by side, killed in run_values' batch
    sim.workspace().modifyRuns(15);
    sim.workspace().addRuns(5);
    sim.workspace().deleteContact(sim.workspace().snapshot().get(0).contact().uuid());
    pull(sim);
    Map<String, List<String>> before = warehouse();
    killInside("run_values");
    assertEachTableAsOfOneExportOrTheOther(before);
    assertThat(warehouseTable("run_values"))
        .as("killed in its batch")
        .isEqualTo(before.get("run_values"));

    CliResult converged = export();
    assertThat(converged.exitCode()).as(converged.err()).isZero();
    assertThat(converged.outLineOf("run_values")).contains("(changes)");
    for (String table : List.of("runs", "contacts")) {
      boolean committed = lakeVersion(table).equals(recordedBefore.get(table));
      assertThat(converged.outLineOf(table))
          .as(table)
          .contains(committed ? "up to date" : "(changes)");
    }
    assertWarehouseEqualsLake();
  }

  /** The recorded versions as the kill left them, by table, for the export that follows. */
  private final Map<String, OptionalLong> recordedBefore = new HashMap<>();

  /**
   * Starts an export in its own JVM with {@code table}'s writes held by a sleeping trigger, kills
   * it once the trigger sleeps, waits for the server to drop its backends, and removes the trigger.
   */
  private void killInside(String table) throws Exception {
    try (Connection db = postgres.connect();
        Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      FeedSchema.prepare(
          db, FeedTable.ALL); // the tables, as the export makes them: a trigger needs one
      db.setAutoCommit(true);
      sql.execute(
          "create or replace function hold() returns trigger language plpgsql as"
              + " $$ begin perform pg_sleep(120); return null; end $$");
      sql.execute(
          "create trigger hold before insert or delete on "
              + table
              + " for each statement execute function hold()");
      Process export = cli.start(dir.resolve("export-" + System.nanoTime() + ".log"), args());
      waitFor(sql, "select count(*) from pg_stat_activity where wait_event = 'PgSleep'", 1, export);
      export.destroyForcibly().waitFor(); // SIGKILL: no rollback from the client, no hooks
      waitFor(sql, "select count(*) from pg_stat_activity where wait_event = 'PgSleep'", 0, null);
      waitFor(
          sql,
          "select count(*) from pg_locks where locktype = 'advisory'",
          0,
          null); // the export's lock went with its session
      sql.execute("drop trigger hold on " + table);
    }
    recordedBefore.clear();
    for (String fed : List.of("runs", "contacts")) {
      recordedBefore.put(fed, recorded(fed));
    }
  }

  /**
   * Each table equals the lake when its recorded version is the lake's current one, and is
   * unchanged since {@code before} otherwise: never a mix.
   */
  private static void assertEachTableAsOfOneExportOrTheOther(Map<String, List<String>> before)
      throws Exception {
    for (String table : FED) {
      String state = table.equals("run_values") ? "run_values from runs" : table;
      String source = table.equals("run_values") ? "runs" : table;
      List<String> now = warehouseTable(table);
      if (recorded(state).equals(lakeVersion(source))) {
        assertThat(now).as(table + ", recorded at the lake's version").isEqualTo(lake(table));
      } else {
        assertThat(now)
            .as(table + ", not recorded at the lake's version")
            .isEqualTo(before.get(table));
      }
    }
  }

  private static void waitFor(Statement sql, String count, long expected, Process alive)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (PgCatalog.count(sql, count) != expected) {
      if (alive != null) {
        assertThat(alive.isAlive()).as("the export ended before it was killed").isTrue();
      }
      assertThat(System.nanoTime())
          .as("waiting for: %s = %d", count, expected)
          .isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static void pull(Simulator sim) {
    CliResult pull = cli.against(sim).run("pull", "--lake", dir.resolve("lake").toString());
    assertThat(pull.exitCode()).as(pull.err()).isZero();
  }

  private static CliResult export() throws Exception {
    return cli.run(args());
  }

  private static String[] args() throws Exception {
    Path password = Files.writeString(dir.resolve("pg-password"), PostgresServer.PASSWORD);
    return new String[] {
      "export",
      "--lake",
      dir.resolve("lake").toString(),
      "--jdbc-url",
      postgres.url(),
      "--jdbc-user",
      PostgresServer.USER,
      "--jdbc-password-file",
      password.toString(),
      "--tables",
      String.join(",", FED)
    };
  }

  private static Map<String, List<String>> warehouse() throws Exception {
    Map<String, List<String>> tables = new HashMap<>();
    for (String table : FED) {
      tables.put(table, warehouseTable(table));
    }
    return tables;
  }

  /** A fed table's rows, canonical; none while the table does not exist yet. */
  private static List<String> warehouseTable(String table) throws Exception {
    try (Connection db = postgres.connect();
        Statement sql = db.createStatement()) {
      if (PgCatalog.count(sql, "select count(*) from pg_tables where tablename = '" + table + "'")
          == 0) {
        return List.of();
      }
      return LakeVsWarehouse.warehouse(db, table);
    }
  }

  private static void assertWarehouseEqualsLake() throws Exception {
    for (String table : FED) {
      List<String> lake = lake(table);
      assertThat(lake).as(table).isNotEmpty();
      assertThat(warehouseTable(table)).as(table).isEqualTo(lake);
    }
  }

  private static List<String> lake(String table) {
    return LakeVsWarehouse.lake(spark, location(table), table);
  }

  private static String location(String table) {
    LakePaths paths = new LakePaths(dir.resolve("lake").toUri().toString());
    return switch (table) {
      case "runs" -> paths.runs();
      case "run_values" -> paths.runValues();
      default -> paths.contacts();
    };
  }

  private static OptionalLong lakeVersion(String table) {
    return new DeltaLogFiles(spark.sparkContext().hadoopConfiguration())
        .latestVersion(location(table));
  }

  private static OptionalLong recorded(String state) throws Exception {
    try (Connection db = postgres.connect()) {
      if (!tableExists(db, ExportState.TABLE)) {
        return OptionalLong.empty();
      }
      return ExportState.version(db, state);
    }
  }

  private static boolean tableExists(Connection db, String table) throws Exception {
    try (Statement sql = db.createStatement()) {
      return PgCatalog.count(
              sql, "select count(*) from pg_tables where tablename = '" + table + "'")
          > 0;
    }
  }
}
