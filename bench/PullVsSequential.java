import io.flowlake.api.ApiConfig;
import io.flowlake.api.JdkTransport;
import io.flowlake.api.PacedBudget;
import io.flowlake.api.RunPage;
import io.flowlake.api.RunsClient;
import io.flowlake.api.RunsQuery;
import io.flowlake.api.Sleeper;
import io.flowlake.api.Ticker;
import io.flowlake.cli.Sparks;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * bench/pull-vs-sequential, three cases in one run, each against its own simulator:
 *
 * <ul>
 *   <li>(a) 50,000 runs, 500 ms per page, 36,000 requests/hour (10/s);
 *   <li>(b) a real workspace's budget: 3,600 requests/hour (1/s), 200 ms per page, 5,000 runs;
 *   <li>(c) an incremental pull of (b)'s lake after 600 of its runs changed.
 * </ul>
 *
 * For each: flowlake's runs requests against the pages the runs need, its fetch against the bound
 * max(pages / rate, pages x latency / parallelism), and the sequential single cursor every peer
 * does (rapidpro-python's iterfetches, as an equivalent Java loop over the same client, paced to
 * the same budget); for (a) where the whole pull's time goes after the fetch. Requests of other
 * throttle scopes (flows.json in v2, the deleted-contacts listing in v2.contacts) are counted
 * apart: the server budgets them separately. Then CPU seconds per 100k runs for parse + convert +
 * write, flowlake's source against spark.read.json on the same page bytes.
 */
public class PullVsSequential {

  static final int RUNS = Integer.getInteger("bench.runs", 50_000);
  static final long LATENCY_MS = Long.getLong("bench.latencyMs", 500);
  static final int PER_HOUR = Integer.getInteger("bench.requestsPerHour", 36_000);
  static final String CASES = System.getProperty("bench.cases", "abc");
  static final boolean SEQUENTIAL = Boolean.parseBoolean(System.getProperty("bench.sequential", "true"));
  static final boolean CPU = Boolean.parseBoolean(System.getProperty("bench.cpu", "true"));
  static final int CHANGED = 600;
  static final boolean PROFILE = Boolean.getBoolean("bench.profile");

  /** One flowlake pull as the simulator and the stage listener saw it. */
  record Pull(PullRecord record, Map<PullStage, Double> at, double erasedAt, double total, List<LoggedRequest> log) {
    double fetch() {
      return at.get(PullStage.FETCHED);
    }

    long count(String path) {
      return log.stream().filter(r -> r.pathAndQuery().startsWith(path)).count();
    }

    long runsRequests() {
      return count("/api/v2/runs.json");
    }

    long others() {
      return log.size() - runsRequests() - count("/api/v2/flows.json");
    }
  }

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("flowlake-bench-");
    // The session `flowlake pull` runs in (bin/flowlake, spark-submit without settings of its own).
    SparkSession spark = Sparks.open("bench").session();
    spark.sparkContext().setLogLevel("WARN");
    if (PROFILE) {
      spark.sparkContext().addSparkListener(new Profile());
    }
    int parallelism = Math.max(8, 4 * spark.sparkContext().defaultParallelism());
    System.out.printf(
        "%d cores, parallelism %d; load average %.2f%n",
        Runtime.getRuntime().availableProcessors(),
        parallelism,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (CASES.contains("a")) {
      caseA(spark, work, parallelism);
    }
    if (CASES.contains("b") || CASES.contains("c")) {
      casesBandC(spark, work, parallelism);
    }
    if (CPU) {
      cpu(spark, work);
    }
    spark.stop();
  }

  static void caseA(SparkSession spark, Path work, int parallelism) throws Exception {
    try (Simulator sim = simulator(RUNS, LATENCY_MS, PER_HOUR)) {
      System.out.printf(
          "%n(a) %,d runs, %d ms per page, %,d requests/hour (%.1f/s)%n",
          RUNS, LATENCY_MS, PER_HOUR, PER_HOUR / 3600.0);
      Pull pull = pull(spark, sim, work.resolve("lake-a"), PER_HOUR);
      double bound = requestsAndBound(pull, RUNS, LATENCY_MS, PER_HOUR, parallelism);
      System.out.printf(
          "  after the fetch: merge runs %.1f s, run_values %.1f s, rejects %.1f s, count check"
              + " and deleted-contacts listing %.1f s, state %.1f s: whole pull %.1f s = %.2fx the"
              + " fetch (target <= 1.5)%n",
          pull.at().get(PullStage.RUNS_MERGED) - pull.fetch(),
          pull.at().get(PullStage.RUN_VALUES_REFRESHED) - pull.at().get(PullStage.RUNS_MERGED),
          pull.at().get(PullStage.REJECTS_KEPT) - pull.at().get(PullStage.RUN_VALUES_REFRESHED),
          pull.erasedAt() - pull.at().get(PullStage.REJECTS_KEPT),
          pull.total() - pull.erasedAt(),
          pull.total(),
          pull.total() / pull.fetch());
      if (SEQUENTIAL) {
        double sequential = sequential(sim, PER_HOUR);
        System.out.printf(
            "  ratios: sequential/fetch = %.2fx (target >= 4), fetch/bound = %.2fx (target <= 1.25);"
                + " whole pull: sequential/whole = %.2fx, whole/bound = %.2fx%n",
            sequential / pull.fetch(), pull.fetch() / bound, sequential / pull.total(), pull.total() / bound);
      }
    }
  }

  static void casesBandC(SparkSession spark, Path work, int parallelism) throws Exception {
    int runs = Integer.getInteger("bench.b.runs", 5_000);
    long latency = 200;
    int perHour = 3_600;
    Path lake = work.resolve("lake-b");
    try (Simulator sim = simulator(runs, latency, perHour)) {
      System.out.printf(
          "%n(b) %,d runs, %d ms per page, %,d requests/hour (%.1f/s)%n",
          runs, latency, perHour, perHour / 3600.0);
      Pull pull = pull(spark, sim, lake, perHour);
      double bound = requestsAndBound(pull, runs, latency, perHour, parallelism);
      long pages = (runs + 249) / 250;
      System.out.printf(
          "  targets: runs requests %d <= 1.02 x %d pages + 2 = %.1f: %s; fetch %.1f s <= 1.05 x"
              + " bound = %.1f s: %s (whole pull %.1f s)%n",
          pull.runsRequests(),
          pages,
          1.02 * pages + 2,
          pull.runsRequests() <= 1.02 * pages + 2 ? "met" : "NOT met",
          pull.fetch(),
          1.05 * bound,
          pull.fetch() <= 1.05 * bound ? "met" : "NOT met",
          pull.total());
      if (SEQUENTIAL && CASES.contains("b")) {
        double sequential = sequential(sim, perHour);
        System.out.printf("  ratio: sequential/fetch = %.2fx%n", sequential / pull.fetch());
      }
      if (!CASES.contains("c")) {
        return;
      }
      Set<String> changed = new HashSet<>();
      for (int round = 0; round < 20 && changed.size() < CHANGED; round++) {
        changed.addAll(sim.workspace().modifyRuns(CHANGED - changed.size()));
      }
      if (changed.size() < CHANGED) {
        changed.addAll(sim.workspace().touchRuns(CHANGED - changed.size()));
      }
      System.out.printf(
          "%n(c) incremental pull of (b)'s lake after %d runs changed (answers, expiries, one"
              + " at a time), overlap 10 min%n",
          changed.size());
      Pull incremental = pull(spark, sim, lake, perHour);
      long fetched = incremental.record().runsFetched();
      long allowed = (fetched + 249) / 250 + 1;
      System.out.printf(
          "  runs requests %d for %d runs fetched (%d changed + %d re-read in the overlap): target"
              + " <= ceil(%d / 250) + 1 = %d: %s; flows.json %d, other scopes %d; fetch %.1f s,"
              + " whole pull %.1f s, %d window(s)%n",
          incremental.runsRequests(),
          fetched,
          changed.size(),
          fetched - changed.size(),
          fetched,
          allowed,
          incremental.runsRequests() <= allowed ? "met" : "NOT met",
          incremental.count("/api/v2/flows.json"),
          incremental.others(),
          incremental.fetch(),
          incremental.total(),
          windowsOf(incremental));
    }
  }

  static Simulator simulator(int runs, long latencyMs, int perHour) throws Exception {
    return Simulator.builder()
        .runs(runs)
        .seed(42)
        .now(Instant.now())
        .latencyMs(latencyMs)
        .requestsPerHour(perHour)
        .start();
  }

  /** A default pull (runs only, as a pull without contacts), timed stage by stage. */
  static Pull pull(SparkSession spark, Simulator sim, Path lake, int perHour) {
    sim.requests().clear();
    Map<String, String> options = new HashMap<>();
    options.put(ConnectionSettings.API.key(), sim.url().toString());
    options.put(ConnectionSettings.TOKEN.key(), sim.token());
    options.put(ConnectionSettings.REQUESTS_PER_HOUR.key(), Integer.toString(perHour));
    Map<PullStage, Double> at = new EnumMap<>(PullStage.class);
    double[] erasedAt = new double[1];
    long start = System.nanoTime();
    Instant began = Instant.now();
    Profile.start = start;
    Profile.cpuAtStart = Profile.cpu();
    Profile.fetched = false;
    Profile.Sampler sampler = PROFILE ? Profile.sample(Thread.currentThread()) : null;
    PullStage.Listener stages =
        new PullStage.Listener() {
          @Override
          public void completed(PullStage stage) {
            if (PROFILE) {
              System.err.printf(
                  "[profile] %7.2f stage %s (process cpu %.1f s)%n",
                  (System.nanoTime() - start) / 1e9, stage, Profile.cpu() - Profile.cpuAtStart);
              Profile.fetched |= stage == PullStage.FETCHED;
            }
            at.putIfAbsent(stage, (System.nanoTime() - start) / 1e9);
          }

          @Override
          public void erased(io.flowlake.lake.Erasure.Erased erased) {
            erasedAt[0] = (System.nanoTime() - start) / 1e9;
          }
        };
    PullRecord record =
        new PullJob(spark, new LakePaths(lake.toUri().toString()), Clock.systemUTC(), stages)
            .run(new PullSettings(options, Duration.ofMinutes(10), false), PullJob.newPullId());
    double total = (System.nanoTime() - start) / 1e9;
    if (sampler != null) {
      sampler.finish();
    }
    if (PROFILE) {
      System.err.printf(
          "[profile] %7.2f pull ended (process cpu %.1f s), began at %s%n",
          total, Profile.cpu() - Profile.cpuAtStart, began);
      Profile.timeline(began, sim.requests().all());
    }
    return new Pull(record, at, erasedAt[0], total, sim.requests().all());
  }

  /** Prints requests against pages and the fetch against the bound; returns the bound. */
  static double requestsAndBound(Pull pull, int runs, long latencyMs, int perHour, int parallelism) {
    long pages = (runs + 249) / 250;
    double rate = perHour / 3600.0;
    double bound = Math.max(pages / rate, pages * (latencyMs / 1000.0) / parallelism);
    List<LoggedRequest> runsLog =
        pull.log().stream().filter(r -> r.pathAndQuery().startsWith("/api/v2/runs.json")).toList();
    System.out.printf(
        "  flowlake: %,d runs; %d runs requests for %d pages of runs (%.3fx; %d window(s)), plus"
            + " %d flows.json (scope v2) and %d deleted-contacts listing (scope v2.contacts), each"
            + " on its own budget; %d 429s; most runs requests in any 1 s: %d, in any 10 s: %d"
            + " (allowed %.0f, %.0f)%n",
        pull.record().runsFetched(),
        runsLog.size(),
        pages,
        runsLog.size() / (double) pages,
        windowsOf(pull),
        pull.count("/api/v2/flows.json"),
        pull.others(),
        pull.log().stream().filter(r -> r.status() == 429).count(),
        mostWithin(runsLog, Duration.ofSeconds(1)),
        mostWithin(runsLog, Duration.ofSeconds(10)),
        rate + 1,
        rate * 10 + 1);
    System.out.printf(
        "  fetch %.1f s against the bound max(%d pages / %.1f/s, %d x %.1f s / %d) = %.1f s:"
            + " %.2fx; whole pull %.1f s%n",
        pull.fetch(),
        pages,
        rate,
        pages,
        latencyMs / 1000.0,
        parallelism,
        bound,
        pull.fetch() / bound,
        pull.total());
    return bound;
  }

  /** Windows read: first pages (no cursor) of runs.json, the planning probe aside if any. */
  static long windowsOf(Pull pull) {
    return pull.log().stream()
        .map(LoggedRequest::pathAndQuery)
        .filter(q -> q.startsWith("/api/v2/runs.json") && !q.contains("cursor="))
        .count();
  }

  /** The sequential single cursor, same client, same budget, same query; prints and returns seconds. */
  static double sequential(Simulator sim, int perHour) {
    sim.requests().clear();
    ApiConfig config =
        ApiConfig.builder(sim.url().toString()).token(sim.token()).requestsPerHour(perHour).build();
    long seqStart = System.nanoTime();
    long seqRuns = 0;
    long seqPages = 0;
    try (RunsClient client =
        new RunsClient(
            config,
            new JdkTransport(config),
            new PacedBudget(perHour, Ticker.system(), Sleeper.system()),
            Sleeper.system(),
            new Random())) {
      Iterator<RunPage> pages = client.pages(RunsQuery.between(null, Instant.now()));
      while (pages.hasNext()) {
        seqRuns += pages.next().runs().size();
        seqPages++;
      }
    }
    double seconds = (System.nanoTime() - seqStart) / 1e9;
    System.out.printf(
        "  sequential cursor: %,d runs, %,d pages in %.1f s%s%n",
        seqRuns,
        seqPages,
        seconds,
        sim.requests().all().stream().anyMatch(r -> r.status() == 429) ? " (got 429s)" : "");
    return seconds;
  }

  static int mostWithin(List<LoggedRequest> log, Duration length) {
    int most = 0;
    int end = 0;
    for (int start = 0; start < log.size(); start++) {
      Instant limit = log.get(start).at().plus(length);
      while (end < log.size() && !log.get(end).at().isAfter(limit)) {
        end++;
      }
      most = Math.max(most, end - start);
    }
    return most;
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


  /**
   * -Dbench.profile=true: each SQL execution and job as it ends (seconds since the pull began, and
   * its length), and where the pull's thread spent its time after the fetch, sampled every 20 ms.
   */
  static final class Profile extends org.apache.spark.scheduler.SparkListener {
    static volatile long start;
    static volatile double cpuAtStart;
    static volatile boolean fetched;

    /** This process's CPU seconds so far, every thread (the in-process simulator's too). */
    static double cpu() {
      return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime()
          / 1e9;
    }
    final Map<Long, Long> sqlStarts = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<Long, String> sqlDescriptions = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<Integer, Long> jobStarts = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<Integer, String> jobSites = new java.util.concurrent.ConcurrentHashMap<>();

    static double now() {
      return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart job) {
      jobStarts.put(job.jobId(), System.nanoTime());
      int tasks = 0;
      for (var stage : scala.jdk.javaapi.CollectionConverters.asJava(job.stageInfos())) {
        tasks += stage.numTasks();
      }
      jobSites.put(job.jobId(), tasks + " tasks " + job.properties().getProperty("callSite.short", "?"));
    }

    @Override
    public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd job) {
      Long began = jobStarts.remove(job.jobId());
      if (began != null) {
        System.err.printf(
            "[profile] %7.2f   job %d %.2f s: %s%n",
            now(), job.jobId(), (System.nanoTime() - began) / 1e9, jobSites.remove(job.jobId()));
      }
    }

    @Override
    public void onOtherEvent(org.apache.spark.scheduler.SparkListenerEvent event) {
      if (event instanceof org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart s) {
        sqlStarts.put(s.executionId(), System.nanoTime());
        String site = java.util.Arrays.stream(s.details().split("\n"))
            .filter(l -> l.contains("io.flowlake")).findFirst().orElse(s.description()).trim();
        sqlDescriptions.put(s.executionId(), s.description().replaceAll("\\s+", " ") + " @ " + site);
      } else if (event instanceof org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd e) {
        Long began = sqlStarts.remove(e.executionId());
        if (began != null) {
          System.err.printf(
              "[profile] %7.2f sql %d %.2f s: %s%n",
              now(), e.executionId(), (System.nanoTime() - began) / 1e9, sqlDescriptions.remove(e.executionId()));
        }
      }
    }

    /**
     * The pull's requests as the simulator saw them arrive, in seconds since the pull began: the
     * first of each kind, runs requests per second, and each window's first and last request with
     * its count (a window is its {@code before=}, which its cursor's links keep).
     */
    static void timeline(Instant began, List<LoggedRequest> log) {
      java.util.function.ToDoubleFunction<LoggedRequest> at =
          r -> Duration.between(began, r.at()).toNanos() / 1e9;
      Map<String, double[]> windows = new java.util.TreeMap<>();
      Map<Integer, Integer> perSecond = new java.util.TreeMap<>();
      for (LoggedRequest r : log) {
        String q = r.pathAndQuery();
        if (!q.startsWith("/api/v2/runs.json")) {
          System.err.printf("[profile] %7.2f request %s%n", at.applyAsDouble(r), q.replaceAll("\\?.*", ""));
          continue;
        }
        double t = at.applyAsDouble(r);
        perSecond.merge((int) t, 1, Integer::sum);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("before=([^&]*)").matcher(q);
        String window = m.find() ? m.group(1) : "?";
        double[] w = windows.computeIfAbsent(window, k -> new double[] {t, t, 0});
        w[0] = Math.min(w[0], t);
        w[1] = Math.max(w[1], t);
        w[2]++;
      }
      StringBuilder line = new StringBuilder();
      perSecond.forEach((s, n) -> line.append(' ').append(s).append(':').append(n));
      System.err.printf("[profile] runs requests per second since the pull began:%s%n", line);
      windows.forEach(
          (w, v) ->
              System.err.printf(
                  "[profile] window before=%s: %3.0f requests, first %6.2f s, last %6.2f s%n",
                  java.net.URLDecoder.decode(w, java.nio.charset.StandardCharsets.UTF_8), v[2], v[0], v[1]));
    }

    static Sampler sample(Thread thread) {
      Sampler sampler = new Sampler(thread);
      sampler.setDaemon(true);
      sampler.start();
      return sampler;
    }

    /** Counts, after the fetch, the pull thread's innermost flowlake frames. */
    static final class Sampler extends Thread {
      final Thread target;
      final Map<String, Integer> counts = new HashMap<>();
      volatile boolean running = true;

      Sampler(Thread target) {
        this.target = target;
      }

      @Override
      public void run() {
        while (running) {
          StackTraceElement[] stack = target.getStackTrace();
          StringBuilder key = new StringBuilder();
          int kept = 0;
          String below = "";
          for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("io.flowlake")) {
              key.append(frame.getClassName().replace("io.flowlake.", "")).append('.').append(frame.getMethodName()).append(':').append(frame.getLineNumber()).append(" < ");
              if (++kept == 4) {
                break;
              }
            } else if (kept == 0) {
              below = frame.getClassName() + "." + frame.getMethodName();
            }
          }
          counts.merge((fetched ? "after fetch " : "until fetched ") + below.replaceAll(".*\\.([^.]+\\.[^.]+)$", "$1") + " | " + key, 1, Integer::sum);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }

      void finish() {
        running = false;
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(40)
            .forEach(e -> System.err.printf("[profile] sampled %6.2f s %s%n", e.getValue() * 0.02, e.getKey()));
      }
    }
  }
}
