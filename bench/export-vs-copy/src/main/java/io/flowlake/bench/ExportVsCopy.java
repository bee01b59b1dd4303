package io.flowlake.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import io.flowlake.cli.Sparks;
import io.flowlake.lake.Erasure;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.LakeTables;
import io.flowlake.lake.RunValuesRefresh;
import io.flowlake.lake.RunsMerge;
import io.flowlake.source.RunColumns;
import io.flowlake.warehouse.FeedCsvFiles;
import io.flowlake.warehouse.FeedTable;
import io.flowlake.warehouse.FloorIndexes;
import io.flowlake.warehouse.JdbcTarget;
import io.flowlake.warehouse.PgConnect;
import io.flowlake.warehouse.WarehouseFeed;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.postgresql.PGConnection;

/**
 * Issue #18's benchmark, one phase per JVM (run.sh):
 *
 * <pre>
 * generate RUNS DIR   BenchLake's runs and run_values, a contacts table of their contacts, the
 *                     change data feed on, as a pull leaves an older lake
 * export DIR URL      the warehouse feed of runs, run_values, contacts (first, or incremental)
 * floor DIR URL       the same CSV lines the first export sends, COPYed into empty tables of the
 *                     same definitions (CSV files written first, not timed): with their indexes
 *                     kept up during the COPY, then with them built after it, as the export does
 * change DIR          1% of runs changed (merged as a pull does, run_values refreshed) and 100
 *                     contacts erased
 * report DIR          times, ratios, peak heap, row counts
 * </pre>
 */
public final class ExportVsCopy {

  private ExportVsCopy() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "generate" -> generate(Long.parseLong(args[1]), Path.of(args[2]));
      case "export" -> export(Path.of(args[1]), args[2], args[3]);
      case "floor" -> floor(Path.of(args[1]), args[2]);
      case "change" -> change(Path.of(args[1]));
      case "report" -> report(Path.of(args[1]));
      default -> throw new IllegalArgumentException("unknown phase " + args[0]);
    }
  }

  private static void generate(long runs, Path dir) {
    SparkSession spark = session();
    long start = System.nanoTime();
    LakePaths paths = new LakePaths(dir.resolve("lake").toUri().toString());
    BenchLake.write(spark, paths.root(), runs, 16);
    spark
        .read()
        .format("delta")
        .load(paths.runs())
        .groupBy("contact_uuid")
        .agg(
            org.apache.spark.sql.functions.min("created_on").as("created_on"),
            org.apache.spark.sql.functions.max("modified_on").as("modified_on"))
        .selectExpr(
            "contact_uuid as uuid",
            "cast(null as string) as name",
            "cast(array() as array<string>) as urns",
            "'active' as status",
            "'eng' as language",
            "array(named_struct('uuid', 'group-1', 'name', 'Everyone')) as groups",
            "map('district', concat('District ', substr(contact_uuid, 1, 1))) as fields",
            "cast(null as struct<uuid: string, name: string>) as flow",
            "created_on",
            "modified_on",
            "modified_on as last_seen_on")
        .write()
        .format("delta")
        .mode("overwrite")
        .save(paths.contacts());
    for (String table : List.of(paths.runs(), paths.runValues(), paths.contacts())) {
      spark.sql(
          "alter table delta.`"
              + table
              + "` set tblproperties ("
              + "'delta.enableChangeDataFeed' = 'true', 'delta.enableDeletionVectors' = 'true')");
    }
    System.out.printf("generated %,d runs and their contacts in %.1f s%n", runs, seconds(start));
    spark.stop();
  }

  private static void export(Path dir, String url, String name) throws Exception {
    PeakMemory.watchHeapAfterCollections();
    SparkSession spark = session();
    LakePaths paths = new LakePaths(dir.resolve("lake").toUri().toString());
    long start = System.nanoTime();
    double jvmCpu = CpuSeconds.jvm();
    double pgCpu;
    Properties results = new Properties();
    JdbcTarget target = new JdbcTarget(url, null, null);
    try (Connection db = PgConnect.open(target)) {
      long backend = CpuSeconds.backendPid(db);
      pgCpu = CpuSeconds.server(backend);
      WarehouseFeed.lock(db, Duration.ZERO);
      // all tables in one call, as export does (run_values reuses runs' change, read once)
      for (WarehouseFeed.Sent sent :
          WarehouseFeed.export(spark, paths, FeedTable.ALL, db, target, System.out::println)) {
        System.out.printf("  %-12s %s, %.1f s%n", sent.table(), sent.describe(), sent.seconds());
        results.setProperty(name + "." + sent.table(), sent.describe());
      }
      pgCpu = CpuSeconds.server(backend) - pgCpu;
    }
    double seconds = seconds(start);
    jvmCpu = CpuSeconds.jvm() - jvmCpu;
    // read once: a collection between the line printed and the result saved would make them differ
    long heapMB = PeakMemory.heapBytes() >> 20;
    long heapAfterCollectionMB = PeakMemory.heapAfterCollectionBytes() >> 20;
    System.out.printf(
        "%s export: %.1f s, peak heap %d MB, after a collection %d MB; CPU %.1f s (JVM %.1f s,"
            + " PostgreSQL %.1f s)%n",
        name, seconds, heapMB, heapAfterCollectionMB, jvmCpu + pgCpu, jvmCpu, pgCpu);
    results.setProperty(name + ".heapAfterCollectionMB", String.valueOf(heapAfterCollectionMB));
    results.setProperty(name + ".cpu", String.valueOf(jvmCpu + pgCpu));
    results.setProperty(name + ".seconds", String.valueOf(seconds));
    results.setProperty(name + ".heapMB", String.valueOf(heapMB));
    results.setProperty(
        name + ".maxHeapMB", String.valueOf(Runtime.getRuntime().maxMemory() >> 20));
    save(dir, name, results);
    spark.stop();
  }

  /**
   * Two floors, each the same CSV lines COPYed into an empty table of the exported one's columns,
   * types, primary key and indexes: kept up row by row during the COPY (plain COPY), and dropped
   * for the COPY and built after it, as the first export does ({@link FloorIndexes}).
   */
  private static void floor(Path dir, String url) throws Exception {
    SparkSession spark = session();
    LakePaths paths = new LakePaths(dir.resolve("lake").toUri().toString());
    Path csv = dir.resolve("csv");
    for (FeedTable table : FeedTable.ALL) {
      FeedCsvFiles.write(spark, paths, table, csv.resolve(table.name()).toString());
    }
    spark.stop();
    Properties results = new Properties();
    try (Connection db = PgConnect.open(new JdbcTarget(url, null, null))) {
      long backend = CpuSeconds.backendPid(db);
      for (boolean deferred : new boolean[] {false, true}) {
        String name = deferred ? "floor_deferred" : "floor";
        double jvmCpu = CpuSeconds.jvm();
        double pgCpu = CpuSeconds.backend(backend);
        double total = 0;
        for (FeedTable table : FeedTable.ALL) {
          String floor = name + "_" + table.name();
          long start = System.nanoTime();
          copyFloor(db, table, floor, csv.resolve(table.name()), deferred);
          double seconds = seconds(start);
          total += seconds;
          System.out.printf("  COPY %-12s %.1f s%n", table.name(), seconds);
        }
        pgCpu = CpuSeconds.backend(backend) - pgCpu; // the tables' creation included: negligible
        jvmCpu = CpuSeconds.jvm() - jvmCpu;
        System.out.printf(
            "%s: %.1f s; CPU %.1f s (JVM %.1f s, PostgreSQL %.1f s)%n",
            deferred
                ? "floor, indexes built after the COPY (as the export)"
                : "floor (COPY from CSV)",
            total,
            jvmCpu + pgCpu,
            jvmCpu,
            pgCpu);
        results.setProperty(name + ".seconds", String.valueOf(total));
        results.setProperty(name + ".cpu", String.valueOf(jvmCpu + pgCpu));
      }
    }
    save(dir, "floor", results);
  }

  private static void copyFloor(
      Connection db, FeedTable table, String floor, Path csv, boolean deferIndexes)
      throws Exception {
    try (Statement sql = db.createStatement()) {
      sql.execute("drop table if exists " + floor);
      // the same columns, types, primary key and indexes as the export's table
      sql.execute("create table " + floor + " (like \"" + table.name() + "\" including all)");
    }
    db.setAutoCommit(false);
    FloorIndexes.Load load =
        () -> {
          try (Stream<Path> files = Files.list(csv)) {
            for (Path part :
                files
                    .filter(p -> p.getFileName().toString().startsWith("part-"))
                    .sorted()
                    .toList()) {
              try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                db.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + floor + " from stdin (format csv)", in);
              }
            }
          }
        };
    if (deferIndexes) {
      FloorIndexes.deferred(db, floor, load);
    } else {
      load.run();
    }
    db.commit();
    db.setAutoCommit(true);
  }

  private static void change(Path dir) {
    SparkSession spark = session();
    LakePaths paths = new LakePaths(dir.resolve("lake").toUri().toString());
    long start = System.nanoTime();
    Column picked = pmod(hash(col("uuid"), lit(18)), lit(100)).equalTo(0);
    Dataset<Row> changed =
        spark
            .read()
            .format("delta")
            .load(paths.runs())
            .where(picked)
            .withColumn(
                "modified_on",
                col("modified_on").plus(org.apache.spark.sql.functions.expr("interval 1 hour")))
            .withColumn("exit_type", lit("completed"))
            .select(
                java.util.Arrays.stream(RunColumns.RUN.fieldNames())
                    .map(c -> col("`" + c + "`"))
                    .toArray(Column[]::new));
    long runs = changed.count();
    List<String> months =
        new RunsMerge(spark, paths).merge(changed, LakeTables.SOURCE_API).months();
    new RunValuesRefresh(spark, paths).refresh(months);
    double mergeSeconds = seconds(start);
    List<String> contacts =
        spark
            .read()
            .format("delta")
            .load(paths.contacts())
            .select("uuid")
            .orderBy("uuid")
            .limit(100)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    Erasure.Erased erased =
        new Erasure(spark, paths).erase(contacts, LakeTables.ORIGIN_FORGET, Instant.now());
    System.out.printf(
        "changed %,d runs (%d months; merge and refresh %.1f s), erased %d contacts (%,d runs) in %.1f s%n",
        runs, months.size(), mergeSeconds, erased.contacts(), erased.runs(), seconds(start));
    spark.stop();
  }

  private static void report(Path dir) throws Exception {
    Properties r = new Properties();
    for (String name : List.of("first", "floor", "incremental")) {
      try (Reader in = Files.newBufferedReader(dir.resolve("results/" + name + ".properties"))) {
        r.load(in);
      }
    }
    double first = Double.parseDouble(r.getProperty("first.seconds"));
    double floor = Double.parseDouble(r.getProperty("floor.seconds"));
    double incremental = Double.parseDouble(r.getProperty("incremental.seconds"));
    System.out.printf("first export          %8.1f s%n", first);
    System.out.printf("COPY from CSV (floor) %8.1f s%n", floor);
    System.out.printf("first export speed vs COPY: %.2fx (target >= 0.5x)%n", floor / first);
    double deferred = Double.parseDouble(r.getProperty("floor_deferred.seconds"));
    System.out.printf(
        "COPY, indexes built after %8.1f s; first export speed vs it: %.2fx%n",
        deferred, deferred / first);
    System.out.printf(
        "incremental export    %8.1f s = %.1f%% of the first (target <= 5%%)%n",
        incremental, 100 * incremental / first);
    double firstCpu = Double.parseDouble(r.getProperty("first.cpu"));
    double floorCpu = Double.parseDouble(r.getProperty("floor.cpu"));
    double deferredCpu = Double.parseDouble(r.getProperty("floor_deferred.cpu"));
    double incrementalCpu = Double.parseDouble(r.getProperty("incremental.cpu"));
    System.out.printf(
        "CPU time (JVM + PostgreSQL backend; less sensitive to load): first %.1f s, COPY %.1f s"
            + " (%.2fx), COPY with indexes after %.1f s (%.2fx), incremental %.1f s (%.1f%% of"
            + " the first)%n",
        firstCpu,
        floorCpu,
        floorCpu / firstCpu,
        deferredCpu,
        deferredCpu / firstCpu,
        incrementalCpu,
        100 * incrementalCpu / firstCpu);
    System.out.printf(
        "peak heap (sum of the pools' peaks): first %s MB, incremental %s MB, of a %s MB heap%n",
        r.getProperty("first.heapMB"),
        r.getProperty("incremental.heapMB"),
        r.getProperty("first.maxHeapMB"));
    System.out.printf(
        "most heap in use after a collection: first %s MB, incremental %s MB%n",
        r.getProperty("first.heapAfterCollectionMB"),
        r.getProperty("incremental.heapAfterCollectionMB"));
  }

  private static void save(Path dir, String name, Properties results) throws Exception {
    Files.createDirectories(dir.resolve("results"));
    try (var out = Files.newBufferedWriter(dir.resolve("results/" + name + ".properties"))) {
      results.store(out, name);
    }
  }

  /**
   * flowlake's own session, as {@code export} opens it ({@link Sparks#open}): local mode on the 2
   * cores, and its settings for a lake's small tables (Delta's table state rebuilt in 4 tasks, not
   * 50, 8 shuffle partitions), so the phases pay what the commands pay.
   */
  private static SparkSession session() {
    return Sparks.open("bench export-vs-copy").session();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
