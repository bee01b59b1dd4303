package io.flowlake.bench;

import io.flowlake.models.Transform;
import io.flowlake.models.TransformResult;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * bench/transform-vs-duckdb: one phase per JVM, so "cold" means a fresh process for each engine.
 *
 * <pre>
 * generate RUNS DIR   write DIR/lake (runs, run_values as Delta) from BenchLake
 * spark DIR           flowlake's Transform, twice (cold, warm) -> DIR/results/spark.properties
 * duckdb DIR          the same marts in DuckDB, twice         -> DIR/results/duckdb.properties
 * report DIR          print times, ratios and peak memory side by side
 * scaling DIR DIR...  time per million runs of each lake size (linear: the same at every size)
 * </pre>
 */
public final class TransformVsDuckDb {

  private static final int CORES = 2;

  private TransformVsDuckDb() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    switch (mode) {
      case "generate" -> generate(Long.parseLong(args[1]), Path.of(args[2]));
      case "spark" -> spark(Path.of(args[1]));
      case "duckdb" -> duckdb(Path.of(args[1]));
      case "report" -> report(Path.of(args[1]));
      case "scaling" -> scaling(java.util.Arrays.stream(args).skip(1).map(Path::of).toList());
      default ->
          throw new IllegalArgumentException(
              "unknown phase '" + mode + "': generate, spark, duckdb, report or scaling");
    }
  }

  private static void generate(long runs, Path dir) {
    SparkSession spark = session();
    long start = System.nanoTime();
    BenchLake.write(spark, dir.resolve("lake").toString(), runs, 16);
    System.out.printf("generated %,d runs in %.1f s%n", runs, seconds(start));
    spark.stop();
  }

  private static void spark(Path dir) throws IOException {
    Properties results = new Properties();
    results.setProperty("load.start", loadAverage());
    long sessionStart = System.nanoTime();
    SparkSession spark = session();
    // the command's own start-up, which the cold transform below does not include
    results.setProperty("session.seconds", String.valueOf(seconds(sessionStart)));
    for (String run : new String[] {"cold", "warm"}) {
      long start = System.nanoTime();
      TransformResult result = Transform.run(spark, dir.resolve("lake").toString());
      results.setProperty(run + ".seconds", String.valueOf(seconds(start)));
      result
          .rowCounts()
          .forEach((mart, rows) -> results.setProperty("rows." + mart, rows.toString()));
      result
          .modelSeconds()
          .forEach((model, took) -> results.setProperty(run + ".model." + model, took.toString()));
    }
    results.setProperty("load.end", loadAverage());
    finish(results, dir, "spark");
    spark.stop();
  }

  private static void duckdb(Path dir) throws Exception {
    Properties results = new Properties();
    results.setProperty("load.start", loadAverage());
    Path out = dir.resolve("duckdb-marts");
    Files.createDirectories(out);
    try (Connection connection = DuckDbMarts.open(CORES, "2GB")) {
      for (String run : new String[] {"cold", "warm"}) {
        long start = System.nanoTime();
        Map<String, Double> steps = new java.util.LinkedHashMap<>();
        Map<String, Long> counts =
            DuckDbMarts.run(connection, dir.resolve("lake").toString(), out.toString(), steps);
        results.setProperty(run + ".seconds", String.valueOf(seconds(start)));
        steps.forEach((step, took) -> results.setProperty(run + ".model." + step, took.toString()));
        counts.forEach((mart, rows) -> results.setProperty("rows." + mart, rows.toString()));
      }
    }
    results.setProperty("load.end", loadAverage());
    finish(results, dir, "duckdb");
  }

  private static void report(Path dir) throws IOException {
    Properties spark = load(dir, "spark");
    Properties duck = load(dir, "duckdb");
    System.out.printf(
        "%s runs, %d cores; load average (1/5/15 min) flowlake %s -> %s, DuckDB %s -> %s%n",
        runsOf(dir),
        CORES,
        spark.getProperty("load.start"),
        spark.getProperty("load.end"),
        duck.getProperty("load.start"),
        duck.getProperty("load.end"));
    System.out.printf(
        "flowlake's Spark session start-up (not in the times below): %.1f s%n",
        Double.parseDouble(spark.getProperty("session.seconds")));
    System.out.printf("%-24s %12s %12s %8s%n", "", "flowlake", "DuckDB", "ratio");
    for (String key : new String[] {"cold.seconds", "warm.seconds"}) {
      double s = Double.parseDouble(spark.getProperty(key));
      double d = Double.parseDouble(duck.getProperty(key));
      System.out.printf(
          "%-24s %11.1fs %11.1fs %7.2fx%n",
          "transform " + key.replace(".seconds", ""), s, d, s / d);
    }
    for (String key : new String[] {"peak.heap.bytes", "peak.resident.bytes"}) {
      double s = Double.parseDouble(spark.getProperty(key)) / (1 << 20);
      double d = Double.parseDouble(duck.getProperty(key)) / (1 << 20);
      System.out.printf("%-24s %10.0fMB %10.0fMB %7.2fx%n", key.replace(".bytes", ""), s, d, s / d);
    }
    boolean same = true;
    for (String mart : DuckDbMarts.MARTS) {
      String s = spark.getProperty("rows." + mart);
      String d = duck.getProperty("rows." + mart);
      same &= s != null && s.equals(d);
      System.out.printf(
          "%-24s %12s %12s %8s%n", "rows " + mart, s, d, s != null && s.equals(d) ? "" : "DIFFER");
    }
    System.out.println(
        same ? "row counts agree" : "row counts differ: the two computations disagree");
    printModelTimes("flowlake per model (s)", spark);
    printModelTimes("DuckDB per step (s)", duck);
  }

  /**
   * Seconds per million runs at each lake size: linear growth keeps them level, a fixed cost makes
   * the small lake's higher.
   */
  private static void scaling(List<Path> dirs) throws IOException {
    System.out.printf(
        "%-12s %12s %12s %14s %14s%n",
        "runs", "cold s", "warm s", "cold s/M runs", "DuckDB warm s");
    for (Path dir : dirs) {
      Properties spark = load(dir, "spark");
      Properties duck = load(dir, "duckdb");
      double millions = runsOf(dir) / 1e6;
      double cold = Double.parseDouble(spark.getProperty("cold.seconds"));
      double warm = Double.parseDouble(spark.getProperty("warm.seconds"));
      System.out.printf(
          "%,-12d %12.1f %12.1f %14.1f %14.1f%n",
          runsOf(dir),
          cold,
          warm,
          cold / millions,
          Double.parseDouble(duck.getProperty("warm.seconds")));
    }
  }

  private static long runsOf(Path dir) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("lake.runs")).trim());
  }

  /** The machine's load average when a phase starts and ends: the machine may be shared. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + "/" + fields[1] + "/" + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void finish(Properties results, Path dir, String engine) throws IOException {
    results.setProperty("peak.heap.bytes", String.valueOf(PeakMemory.heapBytes()));
    results.setProperty("peak.resident.bytes", String.valueOf(PeakMemory.residentBytes()));
    Files.createDirectories(dir.resolve("results"));
    try (Writer writer =
        Files.newBufferedWriter(dir.resolve("results").resolve(engine + ".properties"))) {
      results.store(writer, engine);
    }
    System.out.println(engine + ": " + results);
  }

  private static Properties load(Path dir, String engine) throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(dir.resolve("results").resolve(engine + ".properties"))) {
      properties.load(reader);
    }
    return properties;
  }

  /** Each model's (or DuckDB step's) cold and warm seconds, as the run recorded them. */
  private static void printModelTimes(String title, Properties times) {
    System.out.printf("%n%-28s %8s %8s%n", title, "cold", "warm");
    for (String key : new java.util.TreeSet<>(times.stringPropertyNames())) {
      if (key.startsWith("cold.model.")) {
        String model = key.substring("cold.model.".length());
        System.out.printf(
            "  %-26s %8.1f %8.1f%n",
            model,
            Double.parseDouble(times.getProperty(key)),
            Double.parseDouble(times.getProperty("warm.model." + model, "NaN")));
      }
    }
  }

  private static SparkSession session() {
    return SparkSession.builder()
        .master("local[" + CORES + "]")
        .appName("bench transform-vs-duckdb")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .getOrCreate();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
