package io.flowlake.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.config.ConnectionSettings;
import io.flowlake.config.ReadSettings;
import io.flowlake.simulator.Fault;
import io.flowlake.simulator.LoggedRequest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source reads many windows at once under one budget, against the simulator's truth. */
@ExtendWith(SharedSpark.class)
class ParallelWindowsTest {

  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();

  private Map<String, String> options(int requestsPerHour) {
    Simulator sim = simulators.get();
    Map<String, String> options = new HashMap<>();
    options.put(ConnectionSettings.API.key(), sim.url().toString());
    options.put(ConnectionSettings.TOKEN.key(), sim.token());
    options.put(ConnectionSettings.REQUESTS_PER_HOUR.key(), Integer.toString(requestsPerHour));
    options.put(ConnectionSettings.BACKOFF_BASE.key(), "5ms");
    options.put(ConnectionSettings.RETRY_AFTER_FALLBACK.key(), "1s");
    return options;
  }

  private List<Row> read(Map<String, String> options) {
    return spark.read().format("rapidpro").options(options).load().select("uuid").collectAsList();
  }

  private List<LoggedRequest> runsRequests() {
    return simulators.get().requests().all().stream()
        .filter(r -> r.pathAndQuery().startsWith("/api/v2/runs.json"))
        .toList();
  }

  @Test
  void readsEveryRunOnceFromManyWindowsReadAtOnce() throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(3_000).flows(5).seed(11));
    Map<String, String> options = options(3_600_000);
    options.put(ReadSettings.WINDOWS.key(), "10");
    options.put(ReadSettings.PARALLELISM.key(), "6");

    List<Row> rows = read(options);

    Set<String> truth =
        sim.workspace().snapshot().stream().map(RunRecord::uuid).collect(Collectors.toSet());
    Map<String, Long> seen =
        rows.stream().collect(Collectors.groupingBy(r -> r.getString(0), Collectors.counting()));
    assertThat(seen.keySet()).isEqualTo(truth);
    // Only a run on a shared edge may come twice; edges fall between runs almost surely.
    assertThat(rows.size() - truth.size()).isLessThanOrEqualTo(9);
    Set<String> firstPages =
        runsRequests().stream()
            .map(LoggedRequest::pathAndQuery)
            .filter(q -> !q.contains("cursor="))
            .collect(Collectors.toSet());
    assertThat(firstPages).as("one first page per window (and the probe)").hasSizeGreaterThan(10);
  }

  @Test
  void thousandsOfRunsSharingAWindowEdgeAreReadByBothWindowsAndNoneIsMissed() throws Exception {
    Instant generated = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    // Enough ongoing runs that the bulk update at the edge leaves the lonely (exited) run alone.
    Simulator sim =
        simulators.start(Simulator.builder().runs(20_000).flows(5).seed(5).now(generated));
    Instant a = generated.plus(Duration.ofHours(1));
    Instant edge = generated.plus(Duration.ofHours(2));
    Instant b = generated.plus(Duration.ofHours(3));
    String lonely = sim.workspace().touchRuns(1, a).get(0);
    List<String> tied = sim.workspace().touchRuns(2_000, edge);
    Map<String, Instant> modified =
        sim.workspace().snapshot().stream()
            .collect(Collectors.toMap(RunRecord::uuid, RunRecord::modifiedOn));
    assertThat(modified.get(lonely)).as("precondition: the oldest run in range").isEqualTo(a);
    Map<String, String> options = options(3_600_000);
    options.put(ReadSettings.AFTER.key(), a.toString());
    options.put(ReadSettings.BEFORE.key(), b.toString());
    options.put(ReadSettings.WINDOWS.key(), "2");

    List<Row> rows = read(options);

    Map<String, Long> seen =
        rows.stream().collect(Collectors.groupingBy(r -> r.getString(0), Collectors.counting()));
    Set<String> inRange =
        modified.entrySet().stream()
            .filter(e -> !e.getValue().isBefore(a) && !e.getValue().isAfter(b))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(seen.keySet()).isEqualTo(inRange).hasSize(2_001);
    assertThat(tied).allSatisfy(uuid -> assertThat(seen.get(uuid)).isEqualTo(2L));
    assertThat(seen.get(lonely)).isEqualTo(1L);
    Set<String> bounds =
        runsRequests().stream()
            .map(r -> URLDecoder.decode(r.pathAndQuery(), StandardCharsets.UTF_8))
            .filter(q -> !q.contains("cursor="))
            .collect(Collectors.toSet());
    assertThat(bounds)
        .anyMatch(q -> q.contains("before=" + stamp(edge)))
        .anyMatch(q -> q.contains("after=" + stamp(edge)));
  }

  @Test
  void manyWindowsInFlightNeverExceedTheBudgetInAnyRollingSecond() throws Exception {
    Simulator sim =
        simulators.start(Simulator.builder().runs(3_000).flows(5).seed(3).latencyMs(40));
    int perHour = 36_000; // 10 a second
    Map<String, String> options = options(perHour);
    options.put(ReadSettings.WINDOWS.key(), "12");
    options.put(ReadSettings.PARALLELISM.key(), "8");

    read(options);

    assertThat(sim.requests().size()).as("enough requests to measure").isGreaterThanOrEqualTo(15);
    // Evenly paced, a closed 1 s window holds at most 10 + 1 requests; one more is allowed for a
    // thread the scheduler woke late. Eight windows with a budget each would send ~8x that.
    assertThat(sim.requests().mostWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(12);
    assertThat(sim.requests().all()).noneMatch(r -> r.status() == 429);
  }

  @Test
  void aThrottledAnswerHoldsOffEveryWindowNotOnlyTheOneThatGotIt() throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(3_000).flows(5).seed(3));
    sim.onRunsRequest(
        n -> {
          if (n == 6) {
            sim.faults().enqueue(Fault.throttled(2));
          }
        });
    Map<String, String> options = options(360_000);
    options.put(ReadSettings.WINDOWS.key(), "8");
    options.put(ReadSettings.PARALLELISM.key(), "4");

    List<Row> rows = read(options);

    assertThat(rows.stream().map(r -> r.getString(0)).collect(Collectors.toSet()))
        .hasSize(sim.workspace().size());
    List<LoggedRequest> log = runsRequests();
    Instant throttledAt =
        log.stream().filter(r -> r.status() == 429).findFirst().orElseThrow().at();
    // Requests already granted a slot may still arrive just after; then nothing for ~2 s.
    Instant quietFrom = throttledAt.plusMillis(150);
    Instant quietTo = throttledAt.plusMillis(1_900);
    assertThat(log).noneMatch(r -> r.at().isAfter(quietFrom) && r.at().isBefore(quietTo));
  }

  @Test
  void whereClausesBecomeApiParametersAndSparkStillFiltersTheRest() throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(3_000).flows(5).seed(9));
    List<RunRecord> truth = sim.workspace().snapshot();
    RunRecord sample = truth.stream().skip(1_000).filter(RunRecord::responded).findFirst().get();
    Instant from = sample.modifiedOn().minus(Duration.ofDays(20));
    Instant to = sample.modifiedOn().plus(Duration.ofDays(1));
    Map<String, String> options = options(3_600_000);

    List<Row> rows =
        spark
            .read()
            .format("rapidpro")
            .options(options)
            .load()
            .where(
                "flow_uuid = '"
                    + sample.flowUuid()
                    + "' and contact_uuid = '"
                    + sample.contact().uuid()
                    + "' and responded = true and modified_on >= timestamp'"
                    + from
                    + "' and modified_on < timestamp'"
                    + to
                    + "'")
            .select("uuid")
            .collectAsList();

    Function<RunRecord, Boolean> wanted =
        r ->
            r.flowUuid().equals(sample.flowUuid())
                && r.contact().uuid().equals(sample.contact().uuid())
                && r.responded()
                && !r.modifiedOn().isBefore(from)
                && r.modifiedOn().isBefore(to);
    assertThat(rows.stream().map(r -> r.getString(0)).toList())
        .containsExactlyInAnyOrderElementsOf(
            truth.stream().filter(wanted::apply).map(RunRecord::uuid).toList());
    List<String> queries =
        runsRequests().stream()
            .map(r -> URLDecoder.decode(r.pathAndQuery(), StandardCharsets.UTF_8))
            .toList();
    assertThat(queries)
        .isNotEmpty()
        .allMatch(q -> q.contains("flow=" + sample.flowUuid()))
        .allMatch(q -> !q.contains("contact="))
        .allMatch(q -> q.contains("responded=true"))
        .allMatch(q -> q.contains("paths=false"));
    assertThat(queries.get(0)).contains("after=" + stamp(from)).contains("before=" + stamp(to));
  }

  @Test
  void aWhereOnOneRunUuidAsksForThatRunOnly() throws Exception {
    Simulator sim = simulators.start(Simulator.builder().runs(1_000).flows(3).seed(2));
    RunRecord run = sim.workspace().snapshot().get(500);

    List<Row> rows =
        spark
            .read()
            .format("rapidpro")
            .options(options(3_600_000))
            .load()
            .where("uuid = '" + run.uuid() + "'")
            .select("uuid", "flow_uuid")
            .collectAsList();

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(1)).isEqualTo(run.flowUuid());
    assertThat(runsRequests())
        .hasSize(1)
        .allMatch(r -> r.pathAndQuery().contains("uuid=" + run.uuid()));
  }

  private static String stamp(Instant t) {
    return io.flowlake.api.Timestamps.format(t);
  }
}
