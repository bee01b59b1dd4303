package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import io.flowlake.config.FieldSelection;
import io.flowlake.models.ExportFormat;
import io.flowlake.models.MartExport;
import io.flowlake.models.MartPaths;
import io.flowlake.models.SegmentOracle;
import io.flowlake.models.SegmentRequest;
import io.flowlake.models.SegmentSettings;
import io.flowlake.models.Transform;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * flow_segments and result_segments on pulled lakes equal the plain-Java oracle computed from the
 * simulator's truth, row for row: on the demo workspace, after a contact moves district and another
 * is deleted, and on an anonymous workspace with contacts that have no field values. A CSV export
 * of the same lake writes suppressed rows without numbers.
 */
@ExtendWith(SharedSpark.class)
class SegmentMartsIT {

  private static final SparkSession spark = SharedSpark.session();
  private static final String KEPT = "gender,born,district,registration_date";
  private static final String DIMENSIONS = "gender,district,born:age,registration_date,group";
  private static final int MIN_RUNS = 8;

  @RegisterExtension final SimulatorExtension simulator = SimulatorExtension.onDemand();
  @TempDir Path dir;

  @Test
  void segmentsEqualTheOracleAndFollowMovedAndDeletedContacts() throws Exception {
    Simulator sim =
        simulator.start(Simulator.builder().runs(400).flows(3).seed(14).requestsPerHour(0));
    PullFixture fx = new PullFixture(spark, simulator::get);
    Path lake = dir.resolve("lake");
    SegmentSettings settings = pullAndTransform(fx, lake);
    assertEqualsOracle(lake, sim, settings);
    Dataset<Row> segments = spark.read().format("delta").load(mart(lake, "flow_segments"));
    assertThat(segments.where("suppressed").count()).isPositive();
    assertThat(segments.where("not suppressed").count()).isPositive();

    // a CSV export writes suppressed rows' counts and rates as empty fields; the lake keeps them
    Path out = dir.resolve("export");
    MartExport.export(spark, fx.paths(lake).root(), ExportFormat.CSV, out.toString());
    Dataset<Row> csv =
        spark.read().option("header", "true").csv(out.resolve("flow_segments.csv").toString());
    assertThat(csv.where("suppressed = 'true'").count())
        .isEqualTo(segments.where("suppressed").count());
    assertThat(
            csv.where("suppressed = 'true' and (runs is not null or completion_rate is not null)")
                .count())
        .isZero();
    assertThat(csv.where("suppressed = 'false' and runs is null").count()).isZero();

    List<ContactRecord> people = living(sim);
    ContactRecord mover = withRunsAndDistrict(sim, people, Set.of());
    String from = lastName(mover.fields().get("district"));
    String to = from.equals("Huye") ? "Musanze" : "Huye";
    ContactRecord leaver = withRunsAndDistrict(sim, people, Set.of(from, to));
    long moverRuns = runsOf(sim, mover);
    long leaverRuns = runsOf(sim, leaver);
    Map<String, Long> before = districtRuns(lake);
    long runsBefore = dimensionRuns(lake, "gender");
    sim.workspace().setContactField(mover.uuid(), "district", districtPath(to));
    sim.workspace().deleteContact(leaver.uuid());

    pullAndTransform(fx, lake);
    assertEqualsOracle(lake, sim, settings);
    Map<String, Long> after = districtRuns(lake);
    assertThat(after.getOrDefault(to, 0L) - before.getOrDefault(to, 0L))
        .as("the mover's runs join %s", to)
        .isEqualTo(moverRuns);
    assertThat(before.get(from) - after.getOrDefault(from, 0L))
        .as("the mover's runs leave %s", from)
        .isEqualTo(moverRuns);
    assertThat(runsBefore - dimensionRuns(lake, "gender"))
        .as("the deleted contact's runs leave every segment")
        .isEqualTo(leaverRuns);
  }

  private Map<String, Long> districtRuns(Path lake) {
    Map<String, Long> runs = new LinkedHashMap<>();
    spark
        .read()
        .format("delta")
        .load(mart(lake, "flow_segments"))
        .where("dimension = 'district'")
        .groupBy("segment")
        .sum("runs")
        .collectAsList()
        .forEach(r -> runs.put(r.getString(0), r.getLong(1)));
    return runs;
  }

  private long dimensionRuns(Path lake, String dimension) {
    return spark
        .read()
        .format("delta")
        .load(mart(lake, "flow_segments"))
        .where("dimension = '" + dimension + "'")
        .agg(org.apache.spark.sql.functions.sum("runs"))
        .head()
        .getLong(0);
  }

  @Test
  void anonymousWorkspaceWithContactsWithoutValuesEqualsTheOracle() {
    Simulator sim =
        simulator.start(
            Simulator.builder().runs(300).flows(2).seed(15).anonymous(true).requestsPerHour(0));
    for (ContactRecord blank : living(sim).subList(0, 3)) {
      for (String key :
          List.of("gender", "born", "state", "district", "ward", "registration_date")) {
        sim.workspace().setContactField(blank.uuid(), key, null);
      }
    }
    PullFixture fx = new PullFixture(spark, simulator::get);
    Path lake = dir.resolve("anonymous");
    SegmentSettings settings = pullAndTransform(fx, lake);
    assertEqualsOracle(lake, sim, settings);
    assertThat(
            spark
                .read()
                .format("delta")
                .load(mart(lake, "flow_segments"))
                .where("segment = '(unknown)'")
                .count())
        .isPositive();
  }

  private SegmentSettings pullAndTransform(PullFixture fx, Path lake) {
    PullSettings pull =
        new PullSettings(fx.options(), Duration.ofMinutes(10), false)
            .withContacts(ContactsSettings.keeping(FieldSelection.parse(KEPT)));
    new PullJob(spark, fx.paths(lake), Clock.systemUTC(), PullStage.Listener.NONE)
        .run(pull, PullJob.newPullId());
    SegmentRequest request = SegmentRequest.parse(DIMENSIONS, null, MIN_RUNS);
    Transform.run(spark, fx.paths(lake).root(), request);
    return request.resolve(
        Map.of(
            "gender",
            "text",
            "born",
            "number",
            "district",
            "district",
            "registration_date",
            "datetime"));
  }

  private void assertEqualsOracle(Path lake, Simulator sim, SegmentSettings settings) {
    List<RunRecord> runs = sim.workspace().snapshot();
    SegmentOracle.assertMartsMatch(
        spark,
        new PullFixture(spark, () -> sim).paths(lake).root(),
        runs,
        SegmentOracle.asKept(living(sim), Set.of(KEPT.split(","))),
        settings);
  }

  private static List<ContactRecord> living(Simulator sim) {
    return sim.workspace().contactSnapshot().stream().filter(c -> !c.deleted()).toList();
  }

  private static long runsOf(Simulator sim, ContactRecord c) {
    return sim.workspace().snapshot().stream()
        .filter(r -> r.contact() != null && c.uuid().equals(r.contact().uuid()))
        .count();
  }

  /** A contact with runs and a district not in {@code avoid}. */
  private static ContactRecord withRunsAndDistrict(
      Simulator sim, List<ContactRecord> people, Set<String> avoid) {
    return people.stream()
        .filter(c -> c.fields().get("district") != null && runsOf(sim, c) > 0)
        .filter(c -> !avoid.contains(lastName(c.fields().get("district"))))
        .findFirst()
        .orElseThrow();
  }

  private static String lastName(String path) {
    String[] levels = path.split(" > ");
    return levels[levels.length - 1];
  }

  private static String districtPath(String district) {
    return district.equals("Huye")
        ? "Rwanda > Southern Province > Huye"
        : "Rwanda > Northern Province > Musanze";
  }

  private String mart(Path lake, String name) {
    return MartPaths.mart(lake.toUri().toString(), name);
  }
}
