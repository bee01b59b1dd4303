package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactRecord;
import io.flowlake.config.FieldSelection;
import io.flowlake.lake.ContactsState;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.PullRecord;
import io.flowlake.simulator.LoggedRequest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SharedSpark;
import io.flowlake.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contacts landing against the simulator (PullJob, as {@code pull} and {@code run} call it):
 * full, killed, incremental and re-selected pulls all end with the simulator's contacts, contact
 * for contact. The default selection (no fields) is the CLI tests'.
 */
@ExtendWith(SharedSpark.class)
class ContactsPullIT {

  private static final SparkSession spark = SharedSpark.session();
  private static final Set<String> KEPT = Set.of("gender", "born", "district");

  /** 750 runs: 251 contacts, two pages of contacts.json. */
  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(
          Simulator.builder().runs(750).flows(2).seed(13).requestsPerHour(0));

  private final PullFixture fx = new PullFixture(spark, simulator::get);
  @TempDir Path dir;

  private PullRecord pull(Path lake, ContactsSettings contacts, PullStage.Listener stages) {
    PullSettings settings =
        new PullSettings(fx.options(), Duration.ofMinutes(10), false).withContacts(contacts);
    return new PullJob(spark, fx.paths(lake), Clock.systemUTC(), stages)
        .run(settings, PullJob.newPullId());
  }

  private static ContactsSettings keeping(String fields, int requestsPerHour) {
    return new ContactsSettings(true, requestsPerHour, FieldSelection.parse(fields));
  }

  private void assertContactsEqualTruth(Path lake, Set<String> keys) {
    Simulator sim = simulator.get();
    Map<String, LakeContacts> expected =
        LakeContacts.expected(sim.workspace().contactSnapshot(), keys);
    Map<String, LakeContacts> actual = LakeContacts.read(spark, fx.paths(lake).contacts());
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((uuid, c) -> assertThat(actual.get(uuid)).as("contact %s", uuid).isEqualTo(c));
  }

  /**
   * One lake through a full pull, two pulls killed between their contacts stages, an incremental
   * pull and a pull under another field selection: after each finished pull the contacts, fields
   * and groups are the simulator's.
   */
  @Test
  void fullKilledIncrementalAndReselectedPullsEqualTheTruthContactForContact(Simulator sim) {
    Path lake = dir.resolve("lake");
    LakePaths paths = fx.paths(lake);
    ContactsSettings kept = keeping("gender,born,district", 3_600_000);

    PullRecord full = pull(lake, keeping("gender,born,district", 7_200), PullStage.Listener.NONE);
    int contacts = sim.workspace().contactSnapshot().size();
    assertThat(full.contacts().contacts()).isEqualTo(contacts);
    assertContactsEqualTruth(lake, KEPT);
    assertDefinitionsEqualTruth(paths, sim, KEPT);
    assertPacedOnTheContactsBudget(sim.requests().all());

    ContactsState state = new ContactsState(paths, spark.sparkContext().hadoopConfiguration());
    Optional<ContactsState.Mark> mark = state.mark();
    assertThat(mark).isPresent();
    List<ContactRecord> people = sim.workspace().contactSnapshot();
    sim.workspace().setContactField(people.get(3).uuid(), "gender", "Female");
    sim.workspace().setContactField(people.get(4).uuid(), "born", "");
    sim.workspace().setContactField(people.get(5).uuid(), "ward", "Rwanda > Kigali City > Gasabo");
    for (PullStage stage : List.of(PullStage.CONTACTS_FETCHED, PullStage.CONTACTS_MERGED)) {
      sim.workspace().moveContacts(3);
      assertThatThrownBy(() -> pull(lake, kept, killedAfter(stage))).hasMessageContaining("killed");
      assertThat(state.mark()).as("contacts watermark after a kill at %s", stage).isEqualTo(mark);
    }

    PullRecord incremental = pull(lake, kept, PullStage.Listener.NONE);
    assertThat(incremental.contacts().contacts()).isBetween(3L, contacts - 1L);
    assertContactsEqualTruth(lake, KEPT);
    assertThat(state.mark().orElseThrow().watermark()).isAfter(mark.get().watermark());

    // Another selection re-reads every contact, so no row keeps the old selection's fields.
    pull(lake, keeping("*", 3_600_000), PullStage.Listener.NONE);
    assertContactsEqualTruth(lake, null);
    assertDefinitionsEqualTruth(
        paths,
        sim,
        sim.workspace().contactFields().stream().map(f -> f.key()).collect(Collectors.toSet()));
  }

  private static PullStage.Listener killedAfter(PullStage killed) {
    return stage -> {
      if (stage == killed) {
        throw new IllegalStateException("killed after " + stage);
      }
    };
  }

  private static void assertDefinitionsEqualTruth(
      LakePaths paths, Simulator sim, Set<String> kept) {
    Set<List<Object>> fields =
        spark.read().format("delta").load(paths.contactFields()).collectAsList().stream()
            .map(
                r ->
                    List.<Object>of(
                        r.getString(0), r.getString(1), r.getString(2), r.getBoolean(3)))
            .collect(Collectors.toSet());
    Set<List<Object>> expectedFields =
        sim.workspace().contactFields().stream()
            .map(f -> List.<Object>of(f.key(), f.name(), f.type(), kept.contains(f.key())))
            .collect(Collectors.toSet());
    assertThat(fields).isEqualTo(expectedFields);

    Set<ContactGroup> groups =
        spark.read().format("delta").load(paths.groups()).collectAsList().stream()
            .map(ContactsPullIT::group)
            .collect(Collectors.toSet());
    assertThat(groups).containsExactlyInAnyOrderElementsOf(sim.workspace().contactGroups());
  }

  private static ContactGroup group(Row r) {
    return new ContactGroup(
        r.getAs("uuid"),
        r.getAs("name"),
        r.getAs("query"),
        r.getAs("status"),
        r.getAs("system"),
        r.getAs("count"));
  }

  /**
   * At 7,200 requests an hour contacts.json is asked at most every 0.5 s: it is paced on its own
   * budget, not on the runs' (the fixture's 3,600,000 an hour would allow 1 ms).
   */
  private static void assertPacedOnTheContactsBudget(List<LoggedRequest> requests) {
    List<Instant> contacts =
        requests.stream()
            .filter(r -> r.pathAndQuery().startsWith("/api/v2/contacts.json"))
            .map(LoggedRequest::at)
            .toList();
    assertThat(contacts).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 1; i < contacts.size(); i++) {
      assertThat(Duration.between(contacts.get(i - 1), contacts.get(i)))
          .isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }
  }
}
