package io.flowlake.bench;

import io.flowlake.models.SegmentRequest;
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
 * spark DIR           flowlake's Transform: cold, warm (full), nothing changed, then 1% of the
 *                     runs changed in 2 flows and incremental -> DIR/results/spark.properties
 * incremental DIR     on a lake the spark phase left: the same change and incremental transform
 *                     again, printed only (to measure a change to the incremental on its own)
 * duckdb DIR          the same marts in DuckDB, twice         -> DIR/results/duckdb.properties
 * report DIR          print times, ratios and peak memory side by side
 * scaling DIR DIR...  time per million runs of each lake size (linear: the same at every size)
 * </pre>
 */
public final class TransformVsDuckDb {

  private static final int CORES = 2;

  /** The incremental case changes 1% of the runs, all in this many flows (issue #15). */
  private static final int CHANGED_FLOWS = 2;

  private TransformVsDuckDb() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    switch (mode) {
      case "generate" -> generate(Long.parseLong(args[1]), Path.of(args[2]));
      case "spark" -> spark(Path.of(args[1]));
      case "incremental" -> incremental(Path.of(args[1]));
      case "duckdb" -> duckdb(Path.of(args[1]));
      case "report" -> report(Path.of(args[1]));
      case "scaling" -> scaling(java.util.Arrays.stream(args).skip(1).map(Path::of).toList());
      default ->
          throw new IllegalArgumentException(
              "unknown phase '"
                  + mode
                  + "': generate, spark, incremental, duckdb, report or scaling");
    }
  }

  private static void generate(long runs, Path dir) {
    SparkSession spark = session();
    long start = System.nanoTime();
    BenchLake.write(spark, dir.resolve("lake").toString(), runs, 16);
    System.out.printf("generated %,d runs in %.1f s%n", runs, seconds(start));
    spark.stop();
  }

  /**
   * Cold (fresh JVM, no marts), warm (a full rebuild of existing marts, {@code transform --full}),
   * nothing changed (incremental, finds nothing), then a pull-like change of 1% of the runs in 2
   * flows and the incremental transform of it. Row counts are taken from the marts at the end, so
   * DuckDB (run next, on the changed lake) must agree with the incremental result.
   */
  private static void spark(Path dir) throws IOException {
    PeakMemory.watchHeapAfterCollections();
    Properties results = new Properties();
    results.setProperty("load.start", loadAverage());
    long sessionStart = System.nanoTime();
    SparkSession spark = session();
    // the command's own start-up, which the cold transform below does not include
    results.setProperty("session.seconds", String.valueOf(seconds(sessionStart)));
    String lake = dir.resolve("lake").toString();
    BenchLake.recordChanges(spark, lake);
    transform(spark, lake, "cold", false, results);
    transform(spark, lake, "warm", true, results);
    transform(spark, lake, "nothing", false, results);
    long changeStart = System.nanoTime();
    long changed = runsOf(dir) / 100;
    List<String> flows = BenchChange.apply(spark, lake, changed, CHANGED_FLOWS);
    results.setProperty("change.seconds", String.valueOf(seconds(changeStart)));
    results.setProperty("change.runs", String.valueOf(changed));
    results.setProperty("change.flows", String.valueOf(flows.size()));
    transform(spark, lake, "incremental", false, results);
    MartRows.count(spark, lake)
        .forEach((mart, rows) -> results.setProperty("rows." + mart, rows.toString()));
    BenchLake.writeActiveFiles(spark, lake, dir.resolve("results"));
    results.setProperty("load.end", loadAverage());
    finish(results, dir, "spark");
    spark.stop();
  }

  /**
   * The spark phase's last two steps again, on the lake it left: each call moves the same runs'
   * {@code modified_on} a day further, so there is always a change to pick up.
   */
  private static void incremental(Path dir) throws IOException {
    Properties results = new Properties();
    SparkSession spark = session();
    String lake = dir.resolve("lake").toString();
    long changeStart = System.nanoTime();
    BenchChange.apply(spark, lake, runsOf(dir) / 100, CHANGED_FLOWS);
    System.out.printf("change: %.1f s%n", seconds(changeStart));
    transform(spark, lake, "incremental", false, results);
    System.out.printf(
        "incremental: %.1f s (%s)%n",
        Double.parseDouble(results.getProperty("incremental.seconds")),
        results.getProperty("incremental.why"));
    new java.util.TreeMap<>(results)
        .forEach(
            (key, value) -> {
              if (key.toString().startsWith("incremental.model.")) {
                System.out.printf("  %-40s %s%n", key, format(value.toString()));
              }
            });
    spark.stop();
  }

  private static void transform(
      SparkSession spark, String lake, String run, boolean full, Properties results) {
    long start = System.nanoTime();
    TransformResult result = Transform.run(spark, lake, SegmentRequest.none(), full);
    results.setProperty(run + ".seconds", String.valueOf(seconds(start)));
    results.setProperty(run + ".why", result.why());
    result
        .modelSeconds()
        .forEach((model, took) -> results.setProperty(run + ".model." + model, took.toString()));
  }

  private static void duckdb(Path dir) throws Exception {
    PeakMemory.watchHeapAfterCollections();
    Properties results = new Properties();
    results.setProperty("load.start", loadAverage());
    Path out = dir.resolve("duckdb-marts");
    Files.createDirectories(out);
    try (Connection connection = DuckDbMarts.open(CORES, "2GB")) {
      for (String run : new String[] {"cold", "warm"}) {
        long start = System.nanoTime();
        Map<String, Double> steps = new java.util.LinkedHashMap<>();
        Map<String, Long> counts =
            DuckDbMarts.run(connection, dir.resolve("results"), out.toString(), steps);
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
    System.out.printf("%-32s %12s %12s %8s%n", "", "flowlake", "DuckDB", "ratio");
    double cold = Double.parseDouble(spark.getProperty("cold.seconds"));
    double duckWarm = Double.parseDouble(duck.getProperty("warm.seconds"));
    line("transform cold", cold, Double.parseDouble(duck.getProperty("cold.seconds")));
    line("transform warm (full)", spark, "warm", duckWarm);
    System.out.printf(
        "change: %s runs in %s flows merged as a pull would, in %.1f s (not in the times)%n",
        spark.getProperty("change.runs"),
        spark.getProperty("change.flows"),
        Double.parseDouble(spark.getProperty("change.seconds")));
    line("transform incremental, 1%/2", spark, "incremental", duckWarm);
    line("transform nothing changed", spark, "nothing", duckWarm);
    System.out.printf(
        "(DuckDB has no incremental: its warm full run is the comparison for both)%n"
            + "incremental / cold: %.3f (target <= 0.1); incremental: %s; nothing changed: %s%n",
        Double.parseDouble(spark.getProperty("incremental.seconds")) / cold,
        spark.getProperty("incremental.why"),
        spark.getProperty("nothing.why"));
    // the heap held right after a collection is what the phase needs (the 2 GB target); the sum
    // of each pool's own peak, reached at different moments, can exceed -Xmx
    for (String key :
        new String[] {"heap.after.gc.bytes", "peak.heap.pools.bytes", "peak.resident.bytes"}) {
      if (!spark.containsKey(key) || !duck.containsKey(key)) {
        continue; // results of a bench build that did not record it
      }
      double s = Double.parseDouble(spark.getProperty(key)) / (1 << 20);
      double d = Double.parseDouble(duck.getProperty(key)) / (1 << 20);
      System.out.printf("%-32s %10.0fMB %10.0fMB %7.2fx%n", key.replace(".bytes", ""), s, d, s / d);
    }
    boolean same = true;
    for (String mart : DuckDbMarts.MARTS) {
      String s = spark.getProperty("rows." + mart);
      String d = duck.getProperty("rows." + mart);
      same &= s != null && s.equals(d);
      System.out.printf(
          "%-32s %12s %12s %8s%n", "rows " + mart, s, d, s != null && s.equals(d) ? "" : "DIFFER");
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
    results.setProperty(
        "heap.after.gc.bytes", String.valueOf(PeakMemory.heapAfterCollectionBytes()));
    results.setProperty("peak.heap.pools.bytes", String.valueOf(PeakMemory.heapBytes()));
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

  private static void line(String label, double flowlake, double duckdb) {
    System.out.printf("%-32s %11.1fs %11.1fs %7.2fx%n", label, flowlake, duckdb, flowlake / duckdb);
  }

  private static void line(String label, Properties spark, String run, double duckdb) {
    line(label, Double.parseDouble(spark.getProperty(run + ".seconds")), duckdb);
  }

  /** Each model's (or DuckDB step's) seconds in each run the properties recorded. */
  private static void printModelTimes(String title, Properties times) {
    List<String> runs =
        java.util.stream.Stream.of("cold", "warm", "incremental")
            .filter(run -> times.containsKey(run + ".seconds"))
            .toList();
    System.out.printf("%n%-28s", title);
    runs.forEach(run -> System.out.printf(" %11s", run));
    System.out.println();
    for (String key : new java.util.TreeSet<>(times.stringPropertyNames())) {
      if (key.startsWith("cold.model.")) {
        String model = key.substring("cold.model.".length());
        System.out.printf("  %-26s", model);
        // an incremental transform's time per model is that of its scope's rows; "-": not run
        runs.forEach(
            run -> System.out.printf(" %11s", format(times.getProperty(run + ".model." + model))));
        System.out.println();
      }
    }
  }

  private static String format(String seconds) {
    return seconds == null ? "-" : String.format("%.1f", Double.parseDouble(seconds));
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
