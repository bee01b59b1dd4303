package io.flowlake.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.DeltaLogFiles;
import io.flowlake.lake.LakePaths;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse feed's small changes read without Spark equal, line for line, what Delta's own
 * change data feed gives through Spark ({@link LakeChanges#between}): over a pull with runs changed
 * and added and a contact deleted with its runs, then Delta's own updates and deletes (runs changed
 * twice, a run inserted then deleted, rows rewritten unchanged); and a range the driver cannot read
 * (its change files vacuumed, its feed switched off) is left to Spark.
 */
@ExtendWith(SharedSpark.class)
class LocalChangesIT {

  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension static final InProcessCli cli = new InProcessCli();

  @RegisterExtension
  static final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(400).flows(3).seed(21));

  @TempDir static Path dir;

  /** Each fed table's source version after the first pull. */
  private static final Map<String, Long> first = new HashMap<>();

  @BeforeAll
  static void pullThenChange(Simulator sim) throws Exception {
    pull(sim);
    for (FeedTable table : FeedTable.ALL) {
      first.put(table.name(), version(table));
    }
    Set<String> before = uuids(sim.workspace().snapshot());
    sim.workspace().modifyRuns(20);
    sim.workspace().addRuns(7);
    sim.workspace().deleteContact(sim.workspace().snapshot().get(3).contact().uuid());
    pull(sim);
    String newRun =
        sim.workspace().snapshot().stream()
            .map(RunRecord::uuid)
            .filter(uuid -> !before.contains(uuid))
            .findFirst()
            .orElseThrow();
    // More commits of the range, as Delta's own DML writes them: a run inserted, then deleted;
    // runs changed again (some of them changed by the pull); rows rewritten unchanged, in the feed
    // as both images of an update and no net change.
    String runs = "delta.`" + paths().runs() + "`";
    spark.sql("delete from " + runs + " where uuid = '" + newRun + "'");
    spark.sql("update " + runs + " set exit_type = 'expired' where id % 3 = 0");
    spark.sql("update " + runs + " set id = id where id % 5 = 0");
  }

  private static Set<String> uuids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::uuid).collect(Collectors.toSet());
  }

  @Test
  void givesTheLinesDeltasChangeFeedGivesThroughSparkAfterMergesUpdatesAndDeletes() {
    LocalNetChanges reader = new LocalNetChanges(conf()); // one for all, as an export has
    for (FeedTable table : FeedTable.ALL) {
      long after = first.get(table.name());
      long upTo = version(table);
      assertThat(upTo).as(table.name()).isGreaterThan(after);

      Optional<Iterator<byte[]>> local = LocalChanges.between(reader, paths(), after, upTo, table);

      assertThat(local).as(table.name() + " read in the driver").isPresent();
      List<String> lines = lines(local.get());
      List<String> delta =
          lines(
              CsvChunks.of(LakeChanges.between(spark, paths(), after, upTo, table))
                  .collect()
                  .iterator());
      assertThat(lines).as(table.name()).containsExactlyInAnyOrderElementsOf(delta);
      assertThat(lines).as(table.name() + " deletes").anyMatch(l -> l.endsWith(",\"d\""));
      if (table != FeedTable.CONTACTS) { // the simulator changes runs, not contacts
        assertThat(lines).as(table.name() + " upserts").anyMatch(l -> l.endsWith(",\"u\""));
      }
    }
  }

  @Test
  void readsARangeOnceForTheTablesThatSaidTheyWouldAskForItAndKeepsItNoLonger() throws Exception {
    String runs = paths().runs();
    long after = first.get("runs");
    long upTo = version(FeedTable.RUNS);
    List<String> key = FeedTable.RUNS.source().key();
    LocalNetChanges reader = new LocalNetChanges(conf());
    reader.expect(runs, after, upTo, key); // runs
    reader.expect(runs, after, upTo, key); // run_values, from runs

    // asked side by side, as the export sends the two tables
    CompletableFuture<Optional<LocalNetChanges.Net>> other =
        CompletableFuture.supplyAsync(() -> reader.between(runs, after, upTo, key));
    Optional<LocalNetChanges.Net> one = reader.between(runs, after, upTo, key);
    Optional<LocalNetChanges.Net> two = other.get(2, TimeUnit.MINUTES);
    Optional<LocalNetChanges.Net> unexpected = reader.between(runs, after, upTo, key);

    assertThat(one).isPresent();
    assertThat(two.get()).as("one read for both").isSameAs(one.get());
    assertThat(unexpected.get()).as("read again, not kept").isNotSameAs(one.get());
    assertThat(unexpected.get().images()).hasSameSizeAs(one.get().images());
  }

  @Test
  void leavesToSparkARangeWhoseChangeFilesAreGoneOrWhoseFeedWasOff() throws IOException {
    FeedTable runs = FeedTable.RUNS;
    long upTo = version(runs);
    Path copy = dir.resolve("vacuumed");
    copyTree(dir.resolve("lake"), copy);
    LakePaths vacuumed = new LakePaths(copy.toUri().toString());
    try (Stream<Path> files = Files.walk(copy.resolve("runs").resolve("_change_data"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
      }
    }
    assertThat(
            LocalChanges.between(
                new LocalNetChanges(conf()), vacuumed, first.get("runs"), upTo, runs))
        .isEmpty();

    spark.sql(
        "alter table delta.`"
            + vacuumed.contacts()
            + "` set tblproperties ('delta.enableChangeDataFeed' = 'false')");
    spark.sql(
        "alter table delta.`"
            + vacuumed.contacts()
            + "` set tblproperties ('delta.enableChangeDataFeed' = 'true')");
    long contactsNow = new DeltaLogFiles(conf()).latestVersion(vacuumed.contacts()).getAsLong();
    assertThat(
            LocalChanges.between(
                new LocalNetChanges(conf()),
                vacuumed,
                first.get("contacts"),
                contactsNow,
                FeedTable.CONTACTS))
        .as("the feed was off for a commit of the range")
        .isEmpty();
  }

  private static void pull(Simulator sim) throws Exception {
    CliResult pull = cli.against(sim).run("pull", "--lake", dir.resolve("lake").toString());
    assertThat(pull.exitCode()).as(pull.err()).isZero();
  }

  private static long version(FeedTable table) {
    return new DeltaLogFiles(conf())
        .latestVersion(table.source().location().apply(paths()))
        .getAsLong();
  }

  private static LakePaths paths() {
    return new LakePaths(dir.resolve("lake").toUri().toString());
  }

  private static Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  private static List<String> lines(Iterator<byte[]> chunks) {
    List<String> lines = new ArrayList<>();
    chunks.forEachRemaining(
        chunk -> new String(chunk, StandardCharsets.UTF_8).lines().forEach(lines::add));
    return lines;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
