package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.config.ReadSettings;
import io.flowlake.simulator.LoggedRequest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pull's windows are fetched from their plan on, before Spark's job starts, and the tasks take
 * over those fetches: every window is still asked once, and a fetch no task took stops on close.
 */
@ExtendWith(SharedSpark.class)
class RunsPrefetchTest {

  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();

  /** A chunk's read options as a pull passes them: its windows planned, its id, T0. */
  private Map<String, String> plannedRead(Simulator sim, int windows) {
    Map<String, String> options = new HashMap<>();
    options.put(ConnectionSettings.API.key(), sim.url().toString());
    options.put(ConnectionSettings.TOKEN.key(), sim.token());
    options.put(ConnectionSettings.REQUESTS_PER_HOUR.key(), "3600000");
    options.put(ReadSettings.PARALLELISM.key(), "4");
    options.put(ReadSettings.WINDOWS.key(), Integer.toString(windows));
    options.put(ReadSettings.PULL_ID.key(), UUID.randomUUID().toString());
    options.put(ReadSettings.BEFORE.key(), Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
    RunsReadPlan plan = RunsReadPlan.of(options);
    options.put(ReadSettings.WINDOW_EDGES.key(), ReadConcurrency.edges(plan.windows()));
    sim.requests().clear();
    return options;
  }

  private static List<LoggedRequest> runsRequests(Simulator sim) {
    return sim.requests().all().stream()
        .filter(r -> r.pathAndQuery().startsWith("/api/v2/runs.json"))
        .toList();
  }

  private static void awaitRequests(Simulator sim, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (runsRequests(sim).size() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void aPullsWindowsAreFetchedBeforeItsJobAndEachIsAskedOnce() throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(3_000).flows(5).seed(21));
    Map<String, String> read = plannedRead(sim, 6);
    int windows = ReadConcurrency.parse(read).planned().size();

    List<String> uuids;
    try (RunsPrefetch early = RunsPrefetch.start(spark, read)) {
      awaitRequests(sim, 1);
      assertThat(runsRequests(sim)).as("asked before Spark reads").isNotEmpty();
      // every column, as a pull stages them: the same queries the early fetch asks
      uuids =
          spark.read().format("rapidpro").options(read).load().collectAsList().stream()
              .map(r -> r.<String>getAs("uuid"))
              .toList();
      assertThat(early.unclaimed()).as("every group's fetch taken by its task").isZero();
    }

    Set<String> truth =
        sim.workspace().snapshot().stream().map(RunRecord::uuid).collect(Collectors.toSet());
    assertThat(Set.copyOf(uuids)).isEqualTo(truth);
    List<LoggedRequest> asked = runsRequests(sim);
    assertThat(asked.stream().filter(r -> !r.pathAndQuery().contains("cursor=")))
        .as("one first page per window, none asked again by the tasks")
        .hasSize(windows);
    assertThat(asked.stream().map(LoggedRequest::pathAndQuery).distinct())
        .as("no page asked twice")
        .hasSize(asked.size());
  }

  @Test
  void aFetchIsTakenOnlyByAReaderOfTheSameWindowsAskingTheSameQueries() throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(1_000).flows(3).seed(22));
    Map<String, String> read = plannedRead(sim, 4);
    SourceOptions options = SourceOptions.parse(read, Instant.now());
    ReadConcurrency concurrency = ReadConcurrency.parse(read);
    RunsWindowGroup[] groups =
        RunsBatch.groups(options, concurrency, concurrency.planned(), spark.sparkContext());
    RunsWindowGroup group = groups[0];

    try (RunsPrefetch early = RunsPrefetch.start(spark, read)) {
      // without the path column a reader asks paths=false: another query, so it fetches its own
      assertThat(
              RunsPrefetch.claim(
                  options.pullId(), group, GroupFetch.queries(options, group, false)))
          .isEmpty();
      assertThat(
              RunsPrefetch.claim("another-read", group, GroupFetch.queries(options, group, true)))
          .isEmpty();
      try (GroupFetch taken =
          RunsPrefetch.claim(options.pullId(), group, GroupFetch.queries(options, group, true))
              .orElseThrow()) {
        assertThat(taken.next(() -> {})).isNotNull();
      }
      assertThat(
              RunsPrefetch.claim(options.pullId(), group, GroupFetch.queries(options, group, true)))
          .as("claimed once: a retried task fetches again")
          .isEmpty();
      assertThat(early.unclaimed()).isEqualTo(groups.length - 1);
    }
  }

  @Test
  void aFetchNoTaskTookStopsWhenTheReadIsClosed() throws Exception {
    Simulator sim =
        simulators.start(Simulator.builder().runs(20_000).flows(5).seed(23).latencyMs(100));
    Map<String, String> read = plannedRead(sim, 8);

    RunsPrefetch early = RunsPrefetch.start(spark, read);
    awaitRequests(sim, 4);
    early.close();
    Thread.sleep(300); // requests already on the wire may still land
    int atClose = runsRequests(sim).size();
    Thread.sleep(1_000);

    assertThat(runsRequests(sim)).as("nothing asked after close").hasSize(atClose);
    assertThat(atClose).as("stopped before the 80 pages").isLessThan(40);
    assertThat(
            RunsPrefetch.claim(SourceOptions.parse(read, Instant.now()).pullId(), null, List.of()))
        .isEmpty();
  }

  @Test
  void aGroupBuffersAboutWhatArrivesWhileATaskStartsAndNeverMoreThanTheCap() {
    assertThat(RunsPrefetch.buffered(3_600, 1)).isEqualTo(10); // 1/s for 10 s
    assertThat(RunsPrefetch.buffered(36_000, 2)).isEqualTo(RunsPrefetch.MAX_BUFFERED_PAGES);
    assertThat(RunsPrefetch.buffered(3_600_000, 1)).isEqualTo(RunsPrefetch.MAX_BUFFERED_PAGES);
  }
}
