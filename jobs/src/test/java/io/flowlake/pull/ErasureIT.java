package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.RunRecord;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.RejectsStore;
import io.flowlake.models.FlowResultsOracle;
import io.flowlake.models.MartOracle;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.CliResult;
import io.flowlake.testing.InProcessCli;
import io.flowlake.testing.RawBytesScan;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13's erasure, end to end on one small lake: a contact deleted in RapidPro between two
 * pulls, and one given to {@code forget}, leave every table and mart, stay out through a backfill
 * of archives that still hold them and a full re-pull, and after {@code vacuum --retention 0s} no
 * file under the lake holds their uuid, name, URN or phone number. The lake is written uncompressed
 * and the scan before the vacuum must find them, so the scan after it means something.
 */
@ExtendWith(SharedSpark.class)
class ErasureIT {

  private static final SparkSession spark = SharedSpark.session();
  @RegisterExtension final SimulatorExtension simulators = SimulatorExtension.onDemand();
  @RegisterExtension final InProcessCli cli = new InProcessCli();
  @TempDir Path dir;

  @Test
  void erasedContactsLeaveEveryTableMartAndFileAndNoBackfillBringsThemBack() throws Exception {
    RawBytesScan.withUncompressedParquet(
        spark,
        () -> {
          erase();
          return null;
        });
  }

  private void erase() {
    // Runs over the 80 days before 50 days ago, RapidPro keeping 90: about half only in archives.
    Simulator sim =
        simulators.start(
            Simulator.builder()
                .runs(300)
                .flows(2)
                .seed(13)
                .now(Instant.now().minus(Duration.ofDays(50)))
                .retentionDays(90));
    List<RunRecord> truth = sim.workspace().snapshot();
    List<io.flowlake.api.Contact> people = servedAndArchived(truth, sim.retention().servedFrom());
    io.flowlake.api.Contact deleted = people.get(0);
    io.flowlake.api.Contact forgotten = people.get(1);
    Path lake = dir.resolve("lake");
    String lakeArg = lake.toString();
    LakePaths paths = new LakePaths(lake.toUri().toString());

    CliResult first = cli.against(sim).run("pull", "--lake", lakeArg, "--personal-data", "keep");
    assertThat(first.exitCode()).as(first.err()).isZero();
    Map<String, RunRecord> pulled = LakeRuns.read(spark, paths.runs());
    assertThat(contactsIn(pulled)).contains(deleted.uuid(), forgotten.uuid());
    assertThat(spark.read().format("delta").load(paths.contacts()).select("uuid").collectAsList())
        .as("both are in the contacts table")
        .extracting(r -> r.getString(0))
        .contains(deleted.uuid(), forgotten.uuid());
    keepReject(paths, deleted, truth);

    // Deleted in RapidPro: its runs leave runs.json, and the next pull erases it everywhere.
    sim.workspace().deleteContact(deleted.uuid());
    CliResult second = cli.against(sim).run("run", "--lake", lakeArg, "--personal-data", "keep");
    // No run changed, but the lake did: a scheduler that re-exports on success must re-export.
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out())
        .contains("erased 1 contacts deleted in RapidPro")
        .doesNotContain(deleted.uuid());
    List<RunRecord> expected = without(pulled.values(), Set.of(deleted.uuid()));
    assertThat(LakeRuns.read(spark, paths.runs()).keySet()).isEqualTo(uuids(expected));
    assertGone(paths, deleted);
    MartOracle.assertMartsMatch(spark, paths.root(), expected);
    FlowResultsOracle.assertTablesMatch(spark, paths.root(), expected);

    // An erasure asked from outside RapidPro.
    CliResult refused = cli.run("forget", "--lake", lakeArg, "--contact", "+250788000001");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("is not a contact UUID").doesNotContain("250788000001");
    CliResult forget = cli.run("forget", "--lake", lakeArg, "--contact", forgotten.uuid());
    assertThat(forget.exitCode()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgot 1 contacts").doesNotContain(forgotten.uuid());
    assertGone(paths, forgotten);
    assertThat(
            spark.read().format("delta").load(paths.tombstones()).collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1))
                .toList())
        .containsExactlyInAnyOrder(
            sha256(deleted.uuid()) + " rapidpro", sha256(forgotten.uuid()) + " forget");

    // The archives still hold both; a backfill and a full re-pull must not bring them back.
    CliResult backfill =
        cli.against(sim)
            .run("run", "--with-archives", "--full", "--lake", lakeArg, "--personal-data", "keep");
    assertThat(backfill.exitCode()).as(backfill.err()).isZero();
    assertThat(backfill.out()).contains("merged");
    Set<String> erased = Set.of(deleted.uuid(), forgotten.uuid());
    Map<String, RunRecord> history = LakeRuns.read(spark, paths.runs());
    assertThat(history.keySet()).isEqualTo(uuids(without(truth, erased)));
    assertGone(paths, deleted);
    assertGone(paths, forgotten);
    MartOracle.assertMartsMatch(spark, paths.root(), List.copyOf(history.values()));

    // Older files still hold them, for time travel, until a vacuum.
    List<String> needles = new ArrayList<>(personal(deleted));
    needles.addAll(personal(forgotten));
    assertThat(RawBytesScan.lookingFor(needles).tree(lake).stringsFound())
        .as("the scan finds what older files hold")
        .containsAll(personal(deleted))
        .contains(forgotten.uuid(), forgotten.name());
    assertThat(
            RawBytesScan.lookingFor(needles)
                .tree(lake.resolve("marts/flow_results"))
                .stringsFound())
        .as("the per-flow results tables' older files name the one forgotten after a transform")
        .contains(forgotten.uuid(), forgotten.name());
    CliResult vacuum = cli.run("vacuum", "--lake", lakeArg, "--retention", "0s");
    assertThat(vacuum.exitCode()).as(vacuum.err()).isZero();
    assertThat(vacuum.out().lines()).as("vacuum prints its own summary only").hasSize(1);
    RawBytesScan after = RawBytesScan.lookingFor(needles).tree(lake);
    assertThat(after.filesScanned()).isPositive();
    assertThat(after.found()).isEmpty();
    assertThat(LakeRuns.read(spark, paths.runs())).isEqualTo(history);
  }

  /** Two contacts with runs both in runs.json and in archives, each name unlike any other's. */
  private static List<io.flowlake.api.Contact> servedAndArchived(
      List<RunRecord> truth, Instant servedFrom) {
    LocalDate cutoff =
        LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(90)), ZoneOffset.UTC);
    Map<String, List<RunRecord>> byContact =
        truth.stream().collect(Collectors.groupingBy(r -> r.contact().uuid()));
    // one name per contact: two people may share a name, and the scan would find the other one
    List<String> names =
        byContact.values().stream()
            .map(runs -> runs.get(0).contact().name())
            .filter(n -> n != null)
            .toList();
    List<io.flowlake.api.Contact> chosen =
        byContact.values().stream()
            .filter(runs -> runs.stream().anyMatch(r -> !r.modifiedOn().isBefore(servedFrom)))
            .filter(
                runs ->
                    runs.stream()
                        .anyMatch(
                            r ->
                                LocalDate.ofInstant(r.modifiedOn(), ZoneOffset.UTC)
                                    .isBefore(cutoff)))
            .map(runs -> runs.get(0).contact())
            .filter(c -> c.name() != null && c.urn() != null)
            .filter(c -> names.stream().filter(n -> n.contains(c.name())).count() == 1)
            .sorted(java.util.Comparator.comparing(io.flowlake.api.Contact::uuid))
            .limit(2)
            .toList();
    assertThat(chosen).as("contacts in runs.json and in archives").hasSize(2);
    return chosen;
  }

  /** A reject whose raw JSON names the contact, as the parser keeps a record it refuses. */
  private static void keepReject(
      LakePaths paths, io.flowlake.api.Contact who, List<RunRecord> truth) {
    String run =
        truth.stream()
            .filter(r -> r.contact().uuid().equals(who.uuid()))
            .findFirst()
            .orElseThrow()
            .uuid();
    String raw =
        "{\"uuid\":\""
            + run
            + "\",\"contact\":{\"uuid\":\""
            + who.uuid()
            + "\",\"name\":\""
            + who.name()
            + "\",\"urn\":\""
            + who.urn()
            + "\"},\"exit_type\":\"vanished\"}";
    StructType schema =
        new StructType()
            .add("raw", DataTypes.StringType)
            .add("reason", DataTypes.StringType)
            .add("location", DataTypes.StringType);
    new RejectsStore(spark, paths)
        .add(
            spark.createDataFrame(
                List.of(RowFactory.create(raw, "unknown exit_type", "test")), schema),
            "api",
            Instant.now());
  }

  private static void assertGone(LakePaths paths, io.flowlake.api.Contact who) {
    assertThat(
            spark
                .read()
                .format("delta")
                .load(paths.runs())
                .where(org.apache.spark.sql.functions.col("contact_uuid").equalTo(who.uuid()))
                .count())
        .as("runs")
        .isZero();
    assertThat(
            spark
                .read()
                .format("delta")
                .load(paths.runValues())
                .where(org.apache.spark.sql.functions.col("contact_uuid").equalTo(who.uuid()))
                .count())
        .as("run_values")
        .isZero();
    assertThat(
            spark
                .read()
                .format("delta")
                .load(paths.rejects())
                .where(org.apache.spark.sql.functions.col("raw").contains(who.uuid()))
                .count())
        .as("rejects")
        .isZero();
    assertThat(
            spark
                .read()
                .format("delta")
                .load(paths.contacts())
                .where(org.apache.spark.sql.functions.col("uuid").equalTo(who.uuid()))
                .count())
        .as("contacts")
        .isZero();
    // each flow's results table has a row per run naming its contact: gone at once, not at a
    // transform
    java.io.File[] tables =
        new java.io.File(
                new org.apache.hadoop.fs.Path(paths.marts(), "flow_results").toUri().getPath())
            .listFiles();
    assertThat(tables).as("per-flow results tables").isNotEmpty();
    for (java.io.File table : tables) {
      assertThat(
              spark
                  .read()
                  .format("delta")
                  .load(table.toString())
                  .where(org.apache.spark.sql.functions.col("contact_uuid").equalTo(who.uuid()))
                  .count())
          .as(table.getName())
          .isZero();
    }
  }

  /** What a file must not hold once the contact is erased: uuid, name, URN, number alone. */
  private static List<String> personal(io.flowlake.api.Contact who) {
    String urn = who.urn();
    return List.of(who.uuid(), who.name(), urn, urn.substring(urn.indexOf(':') + 1));
  }

  private static List<RunRecord> without(
      java.util.Collection<RunRecord> runs, Set<String> contacts) {
    return runs.stream().filter(r -> !contacts.contains(r.contact().uuid())).toList();
  }

  private static Set<String> uuids(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::uuid).collect(Collectors.toSet());
  }

  private static Set<String> contactsIn(Map<String, RunRecord> runs) {
    return runs.values().stream().map(r -> r.contact().uuid()).collect(Collectors.toSet());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
