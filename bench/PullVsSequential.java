import io.flowlake.api.ApiConfig;
import io.flowlake.api.HttpAnswer;
import io.flowlake.api.JdkTransport;
import io.flowlake.api.PacedBudget;
import io.flowlake.api.RunPage;
import io.flowlake.api.RunsClient;
import io.flowlake.api.RunsQuery;
import io.flowlake.api.Sleeper;
import io.flowlake.api.Ticker;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.pull.PullJob;
import io.flowlake.pull.PullSettings;
import io.flowlake.pull.PullStage;
import io.flowlake.simulator.LoggedRequest;
import io.flowlake.simulator.Simulator;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * bench/pull-vs-sequential: (a) flowlake's pull, (b) the sequential single-cursor pull every peer
 * does (rapidpro-python's iterfetches, as an equivalent Java loop over the same client, paced to the
 * same budget), (c) the bound max(pages / rate, pages x latency / concurrency); all against one
 * simulator with 50,000 runs, 500 ms per page and a budget of 36,000 requests an hour. Then CPU
 * seconds per 100k runs for parse + convert + write, flowlake's source against spark.read.json on
 * the same page bytes. Prints ratios measured side by side in this one run.
 */
public class PullVsSequential {

  static final int RUNS = Integer.getInteger("bench.runs", 50_000);
  static final long LATENCY_MS = Long.getLong("bench.latencyMs", 500);
  static final int PER_HOUR = Integer.getInteger("bench.requestsPerHour", 36_000);

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("flowlake-bench-");
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("bench-pull-vs-sequential")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Instant generated = Instant.now();
    try (Simulator sim =
        Simulator.builder()
            .runs(RUNS)
            .seed(42)
            .now(generated)
            .latencyMs(LATENCY_MS)
            .requestsPerHour(PER_HOUR)
            .start()) {
      System.out.printf(
          "simulator: %,d runs, %d ms per page, throttle and budget %,d requests/hour (%.1f/s)%n",
          RUNS, LATENCY_MS, PER_HOUR, PER_HOUR / 3600.0);

      // (a) flowlake's pull, default parallelism
      Map<String, String> options = new HashMap<>();
      options.put(ConnectionSettings.API.key(), sim.url().toString());
      options.put(ConnectionSettings.TOKEN.key(), sim.token());
      options.put(ConnectionSettings.REQUESTS_PER_HOUR.key(), Integer.toString(PER_HOUR));
      long[] fetchedAt = new long[1];
      long start = System.nanoTime();
      PullStage.Listener stages =
          stage -> {
            if (stage == PullStage.FETCHED && fetchedAt[0] == 0) {
              fetchedAt[0] = System.nanoTime();
            }
          };
      PullRecord pull =
          new PullJob(
                  spark, new LakePaths(work.resolve("lake").toUri().toString()), Clock.systemUTC(), stages)
              .run(new PullSettings(options, Duration.ofMinutes(10), false), PullJob.newPullId());
      double flowlakeFetch = (fetchedAt[0] - start) / 1e9;
      double flowlakeTotal = (System.nanoTime() - start) / 1e9;
      List<LoggedRequest> flowlakeLog = sim.requests().all();
      int[] most = {
        sim.requests().mostWithin(Duration.ofSeconds(1)),
        sim.requests().mostWithin(Duration.ofSeconds(10)),
        sim.requests().mostWithin(Duration.ofSeconds(60))
      };
      sim.requests().clear();
      int parallelism = Math.max(8, 4 * spark.sparkContext().defaultParallelism());

      // (b) the sequential single cursor, same client, same budget, same query
      ApiConfig config =
          ApiConfig.builder(sim.url().toString()).token(sim.token()).requestsPerHour(PER_HOUR).build();
      long seqStart = System.nanoTime();
      long seqRuns = 0;
      long seqPages = 0;
      try (RunsClient client =
          new RunsClient(
              config,
              new JdkTransport(config),
              new PacedBudget(PER_HOUR, Ticker.system(), Sleeper.system()),
              Sleeper.system(),
              new Random())) {
        Iterator<RunPage> pages = client.pages(RunsQuery.between(null, Instant.now()));
        while (pages.hasNext()) {
          seqRuns += pages.next().runs().size();
          seqPages++;
        }
      }
      double sequential = (System.nanoTime() - seqStart) / 1e9;
      List<LoggedRequest> sequentialLog = sim.requests().all();

      // (c) the bound, for the pages a pull cannot do without
      long pages = (RUNS + 249) / 250;
      double rate = PER_HOUR / 3600.0;
      double bound = Math.max(pages / rate, pages * (LATENCY_MS / 1000.0) / parallelism);

      System.out.printf(
          "(a) flowlake pull: %,d runs, %,d requests (%,d pages), fetch %.1f s, whole pull (with"
              + " merge) %.1f s, parallelism %d%n",
          pull.runsFetched(), flowlakeLog.size(), pull.pages(), flowlakeFetch, flowlakeTotal, parallelism);
      System.out.printf(
          "(b) sequential cursor: %,d runs, %,d pages in %.1f s%n", seqRuns, seqPages, sequential);
      System.out.printf(
          "(c) bound max(%d pages / %.1f/s, %d x %.1f s / %d) = %.1f s%n",
          pages, rate, pages, LATENCY_MS / 1000.0, parallelism, bound);
      System.out.printf(
          "ratios: (b)/(a) fetch = %.2fx (target >= 4), (a) fetch/(c) = %.2fx (target <= 1.25);"
              + " whole pull: (b)/(a) = %.2fx, (a)/(c) = %.2fx%n",
          sequential / flowlakeFetch, flowlakeFetch / bound, sequential / flowlakeTotal, flowlakeTotal / bound);
      long throttled = flowlakeLog.stream().filter(r -> r.status() == 429).count();
      System.out.printf(
          "budget: flowlake got %d 429s; most requests in any 1 s: %d, in any 10 s: %d, in any"
              + " 60 s: %d (allowed %.0f, %.0f, %.0f)%n",
          throttled,
          most[0],
          most[1],
          most[2],
          rate + 1,
          rate * 10 + 1,
          rate * 60 + 1);
      if (sequentialLog.stream().anyMatch(r -> r.status() == 429)) {
        System.out.println("note: the sequential pull got 429s");
      }
    }

    cpu(spark, work);
    spark.stop();
  }

  /**
   * CPU per 100k runs for parse + convert + write: the same pages read by flowlake's source from a
   * zero-latency simulator, and by spark.read.json from files holding the same bytes. The
   * simulator serves from another process, so this process's CPU is the reader's alone (flowlake
   * also pays the HTTP client, which the file reader does not).
   */
  static void cpu(SparkSession spark, Path work) throws Exception {
    int port = 18_000 + new Random().nextInt(2_000);
    Process server =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-cp",
                System.getProperty("java.class.path"),
                "io.flowlake.demo.LocalCli",
                "simulate",
                "--port",
                Integer.toString(port),
                "--runs",
                Integer.toString(RUNS),
                "--seed",
                "42")
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("simulator.log").toFile())
            .start();
    try {
      String api = "http://127.0.0.1:" + port;
      String token = io.flowlake.simulator.SimulatorOptions.DEFAULT_TOKEN;
      HttpClient http = HttpClient.newHttpClient();
      Path pages = Files.createDirectories(work.resolve("pages"));
      String next = api + "/api/v2/runs.json?reverse=true";
      waitFor(http, next, token);
      int n = 0;
      while (next != null && !next.equals("null")) {
        HttpResponse<byte[]> page =
            http.send(
                HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Token " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Files.write(pages.resolve(String.format("page-%05d.json", n++)), page.body());
        next = nextLink(page.body());
      }
      // Spark's reader with the schema given (as a careful user would, and so it reads once).
      StructType schema =
          spark.read().option("multiLine", "true").json(pages.resolve("page-00000.json").toString()).schema();
      for (int round = 0; round < 2; round++) { // the first round warms up both
        double json =
            cpuSeconds(
                () ->
                    spark
                        .read()
                        .schema(schema)
                        .option("multiLine", "true")
                        .json(pages.toString())
                        .selectExpr("explode(results) as run")
                        .select("run.*")
                        .write()
                        .mode("overwrite")
                        .parquet(work.resolve("json-out").toString()));
        double flowlake =
            cpuSeconds(
                () ->
                    spark
                        .read()
                        .format("rapidpro")
                        .option(ConnectionSettings.API.key(), api)
                        .option(ConnectionSettings.TOKEN.key(), token)
                        .option(ConnectionSettings.REQUESTS_PER_HOUR.key(), "100000000")
                        .load()
                        .write()
                        .mode("overwrite")
                        .parquet(work.resolve("flowlake-out").toString()));
        if (round == 1) {
          double per = 100_000.0 / RUNS;
          System.out.printf(
              "cpu per 100k runs, parse+convert+write: flowlake source %.1f s, spark.read.json %.1f"
                  + " s on the same %d pages: ratio %.2fx (target <= 1)%n",
              flowlake * per, json * per, n, flowlake / json);
        }
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  static void waitFor(HttpClient http, String url, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Token " + token).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (java.io.IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  static String nextLink(byte[] body) throws Exception {
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("next");
    return node == null || node.isNull() ? null : node.asText();
  }

  static double cpuSeconds(Runnable work) {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long before = os.getProcessCpuTime();
    work.run();
    return (os.getProcessCpuTime() - before) / 1e9;
  }

}
