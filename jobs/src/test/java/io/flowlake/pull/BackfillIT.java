package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.Contact;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import io.flowlake.models.MartOracle;
import io.flowlake.simulator.ArchiveCorruption;
import io.flowlake.simulator.RunArchive;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace with RapidPro's 90-day retention: most runs only in archives, some in archives and
 * the runs endpoint (archived, not yet purged), some modified after they were archived. {@code
 * flowlake run --with-archives}, exactly as a scheduler runs it, must give the full history.
 */
@ExtendWith(SharedSpark.class)
class BackfillIT {

  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();
  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  @Test
  void runWithArchivesGivesTheWholeHistoryRunForRunAndMartsEqualToTheTruth() throws Exception {
    Simulator sim = simulators.start(retained(4_000, 11));
    LocalDate cutoff = cutoffDay();
    Map<String, RunRecord> before = LakeRuns.byUuid(sim.workspace().snapshot());
    sim.workspace().modifyRuns(300);
    sim.workspace().touchRuns(200);
    List<RunRecord> truth = sim.workspace().snapshot();
    long modifiedAfterArchiving =
        truth.stream()
            .filter(r -> !r.modifiedOn().equals(before.get(r.uuid()).modifiedOn()))
            .filter(r -> day(before.get(r.uuid()).modifiedOn()).isBefore(cutoff))
            .count();
    Instant servedFrom = sim.retention().servedFrom();
    long onlyArchived = truth.stream().filter(r -> day(r.modifiedOn()).isBefore(cutoff)).count();
    long inBoth =
        truth.stream()
            .filter(
                r -> !r.modifiedOn().isBefore(servedFrom) && day(r.modifiedOn()).isBefore(cutoff))
            .count();
    assertThat(modifiedAfterArchiving).as("runs modified after archiving").isPositive();
    assertThat(inBoth).as("runs archived and not yet purged").isPositive();
    assertThat(onlyArchived - inBoth).as("runs only in archives").isGreaterThan(truth.size() / 2);

    Path lake = dir.resolve("lake");
    CliResult run = cli.against(sim).run("run", "--with-archives", "--lake", lake.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, RunRecord> actual = LakeRuns.read(spark, lake.resolve("runs").toString());
    assertSameRuns(actual, expectedLake(truth, servedFrom));
    // The truth as RapidPro can still give it: archives keep 500 path steps of a run.
    MartOracle.assertMartsMatch(
        spark, lake.toUri().toString(), List.copyOf(expectedLake(truth, servedFrom).values()));
    assertThat(sim.retention().storage().downloads())
        .as("the token never goes to the storage host")
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.authorizationSent()).isFalse());

    int downloads = sim.retention().storage().downloads().size();
    CliResult again = cli.against(sim).run("backfill", "--lake", lake.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(sim.retention().storage().downloads()).hasSize(downloads);
    assertSameRuns(LakeRuns.read(spark, lake.resolve("runs").toString()), actual);
  }

  @Test
  void aCorruptedArchiveIsRefusedByNameLandsNothingAndMergesOnceRepaired() throws Exception {
    Simulator sim = simulators.start(retained(3_000, 12));
    RunArchive bad =
        sim.retention().archives().all().stream()
            .filter(a -> !a.rolledUp() && !a.empty())
            .findFirst()
            .orElseThrow();
    bad.corrupt(ArchiveCorruption.TRUNCATED_GZIP);
    Path lake = dir.resolve("lake");

    CliResult refused =
        cli.against(sim).run("backfill", "--lake", lake.toString(), "--max-attempts", "2");

    assertThat(refused.exitCode()).isEqualTo(1);
    String name = (bad.period().equals("monthly") ? "run_M" : "run_D");
    assertThat(refused.err().lines().filter(l -> !l.startsWith("(")).toList())
        .singleElement()
        .asString()
        .contains(name)
        .contains("not a complete gzip file")
        .contains("nothing of it was merged");
    assertThat(lake.resolve("runs")).doesNotExist();
    assertThat(lake.resolve("_state/archives.json")).doesNotExist();

    bad.repair();
    CliResult fixed = cli.against(sim).run("backfill", "--lake", lake.toString());

    assertThat(fixed.exitCode()).as(fixed.err()).isZero();
    LocalDate cutoff = cutoffDay();
    Set<String> archived =
        sim.workspace().snapshot().stream()
            .filter(r -> day(r.modifiedOn()).isBefore(cutoff))
            .map(RunRecord::uuid)
            .collect(Collectors.toSet());
    assertThat(LakeRuns.read(spark, lake.resolve("runs").toString()).keySet()).isEqualTo(archived);
    assertThat(Files.readString(lake.resolve("_state/archives.json")))
        .contains("\"start_date\" : \"" + bad.startDate() + "\"");
  }

  /** Equal maps; on failure shows only the first differing runs (printing thousands is slow). */
  private static void assertSameRuns(
      Map<String, RunRecord> actual, Map<String, RunRecord> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    List<String> differing =
        expected.keySet().stream()
            .filter(uuid -> !expected.get(uuid).equals(actual.get(uuid)))
            .toList();
    assertThat(differing)
        .as(
            () ->
                differing.stream()
                    .limit(2)
                    .map(u -> "\nexpected " + expected.get(u) + "\nactual   " + actual.get(u))
                    .collect(Collectors.joining()))
        .isEmpty();
  }

  /**
   * The runs endpoint's copy where it has the run, else the archive's shape of the run; no name or
   * URN (the default policy).
   */
  private static Map<String, RunRecord> expectedLake(List<RunRecord> truth, Instant servedFrom) {
    Map<String, RunRecord> expected = new TreeMap<>();
    for (RunRecord r : truth) {
      RunRecord kept = r.modifiedOn().isBefore(servedFrom) ? asArchived(r) : r;
      expected.put(r.uuid(), LakeRuns.withoutPersonalData(kept)); // the default policy, drop
    }
    return expected;
  }

  // docs/rapidpro-api.md §6: no start, a contact without URN, the input the API no longer sends,
  // and at most 500 path steps.
  private static RunRecord asArchived(RunRecord r) {
    Map<String, ResultValue> values = new LinkedHashMap<>();
    r.values()
        .forEach(
            (k, v) ->
                values.put(
                    k,
                    new ResultValue(
                        v.name(), v.value(), v.category(), v.node(), v.time(), v.value())));
    return new RunRecord(
        r.uuid(),
        r.id(),
        r.flowUuid(),
        r.flowName(),
        new Contact(r.contact().uuid(), r.contact().name(), null, null, null),
        null,
        r.responded(),
        r.path().size() > 500 ? r.path().subList(0, 500) : r.path(),
        values,
        r.createdOn(),
        r.modifiedOn(),
        r.exitedOn(),
        r.exitType());
  }

  /** Generated 60 days ago with 90 days kept: most runs only in archives. */
  private static Simulator.Builder retained(int runs, long seed) {
    return Simulator.builder()
        .runs(runs)
        .flows(4)
        .seed(seed)
        .now(Instant.now().minus(Duration.ofDays(60)))
        .retentionDays(90);
  }

  private static LocalDate cutoffDay() {
    return day(Instant.now().minus(Duration.ofDays(90)));
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
