import io.flowlake.api.ApiConfig;
import io.flowlake.api.ArchiveDownload;
import io.flowlake.api.ArchiveInfo;
import io.flowlake.api.ArchivesClient;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.simulator.Simulator;
import io.flowlake.source.RapidProArchivesProvider;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Backfill of N archived runs from the simulator. Side by side in one JVM, each timed alone:
 * (A) flowlake's rapidpro-archives source: download, size/MD5/gzip/count checks, streaming parse
 * into rows; (B) Spark's own JSON reader, given the schema, over the same lines already
 * decompressed to local files (no download, no checks: a lower bound of its work). Both write to
 * Spark's noop sink. CPU is the process's CPU time (local mode: the executors are this JVM).
 */
public final class BackfillBenchmark {

  private static final String ARCHIVE_SCHEMA =
      "id BIGINT, uuid STRING, flow STRUCT<uuid: STRING, name: STRING>, contact STRUCT<uuid:"
          + " STRING, name: STRING>, responded BOOLEAN, path ARRAY<STRUCT<node: STRING, time:"
          + " TIMESTAMP>>, `values` MAP<STRING, STRUCT<name: STRING, node: STRING, time:"
          + " TIMESTAMP, input: STRING, value: STRING, category: STRING>>, created_on TIMESTAMP,"
          + " modified_on TIMESTAMP, exited_on TIMESTAMP, exit_type STRING";

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(args[0]);
    System.out.printf("generating %,d runs, all older than the 90-day retention...%n", runs);
    try (Simulator sim =
        Simulator.builder()
            .runs(runs)
            .flows(8)
            .seed(42)
            .now(Instant.now().minus(Duration.ofDays(100)))
            .retentionDays(90)
            .start()) {
      ApiConfig config =
          ApiConfig.builder(sim.url().toString())
              .token(sim.token())
              .requestsPerHour(3_600_000)
              .build();
      List<ArchiveInfo> archives = new ArchivesClient(config).runArchives();
      long archivedRuns = archives.stream().mapToLong(ArchiveInfo::recordCount).sum();
      long largest = archives.stream().mapToLong(ArchiveInfo::recordCount).max().orElse(0);
      long gzBytes = archives.stream().mapToLong(ArchiveInfo::size).sum();
      Path lines = Files.createTempDirectory("bench-archive-lines");
      long jsonBytes = decompress(archives, config, lines);
      System.out.printf(
          "%d archives, %,d runs (largest archive %,d runs), %,d MB gzipped, %,d MB of JSON lines%n",
          archives.size(), archivedRuns, largest, gzBytes >> 20, jsonBytes >> 20);

      SparkSession spark =
          SparkSession.builder()
              .master("local[2]")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      Map<String, String> options =
          Map.of(
              ConnectionSettings.API.key(), sim.url().toString(),
              ConnectionSettings.TOKEN.key(), sim.token(),
              ConnectionSettings.REQUESTS_PER_HOUR.key(), "3600000");
      // Warm both paths once on a small slice, so neither pays the JIT alone.
      spark.read().schema(ARCHIVE_SCHEMA).json(lines.toString()).limit(1000).collect();

      Measure flowlake =
          measure(
              () ->
                  spark
                      .read()
                      .format(RapidProArchivesProvider.SHORT_NAME)
                      .options(options)
                      .load()
                      .write()
                      .format("noop")
                      .mode("overwrite")
                      .save());
      Measure sparkJson =
          measure(
              () ->
                  spark
                      .read()
                      .schema(ARCHIVE_SCHEMA)
                      .json(lines.toString())
                      .write()
                      .format("noop")
                      .mode("overwrite")
                      .save());
      report("flowlake rapidpro-archives (download+verify+parse)", flowlake, archivedRuns);
      report("Spark JSON reader (decompressed lines, no download)", sparkJson, archivedRuns);
      System.out.printf(
          "ratio flowlake/Spark JSON: runs/s %.2fx, CPU per 100k runs %.2fx%n",
          sparkJson.seconds / flowlake.seconds, flowlake.cpuSeconds / sparkJson.cpuSeconds);
      spark.stop();
      try (var files = Files.list(lines)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(lines);
    }
  }

  private record Measure(double seconds, double cpuSeconds, long peakHeapMb) {}

  private static Measure measure(Runnable work) {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    work.run();
    long t1 = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Measure((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, peak >> 20);
  }

  private static void report(String name, Measure m, long runs) {
    System.out.printf(
        "%-55s %,10.0f runs/s  %6.2f CPU s/100k runs  %6.1f s wall  peak heap %,d MB%n",
        name, runs / m.seconds, m.cpuSeconds / (runs / 100_000.0), m.seconds, m.peakHeapMb);
  }

  private static long decompress(List<ArchiveInfo> archives, ApiConfig config, Path dir)
      throws Exception {
    long bytes = 0;
    for (ArchiveInfo a : archives) {
      if (a.recordCount() == 0) {
        continue;
      }
      try (ArchiveDownload d = ArchiveDownload.fetch(a, config);
          BufferedReader in = d.lines();
          BufferedWriter out =
              Files.newBufferedWriter(dir.resolve(a.name() + ".jsonl"), StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          out.write(line);
          out.write('\n');
          bytes += line.length() + 1;
        }
      }
    }
    return bytes;
  }
}
