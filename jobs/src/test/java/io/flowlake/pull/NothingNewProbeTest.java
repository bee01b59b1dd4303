package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import io.flowlake.lake.NextPullDigest;
import io.flowlake.lake.OverlapDigest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The probe against a workspace whose re-reads are known from its truth (what an up-to-date lake
 * holds): it answers "nothing new" only when every re-read equals the recorded digest. A late
 * commit (a run the workspace shows at another {@code modified_on} than the lake's, no later than
 * the watermark) is a difference though nothing is newer than the watermark; so are a deleted
 * contact, a new field and a new group, each alone.
 */
class NothingNewProbeTest {

  private static final Duration OVERLAP = Duration.ofMinutes(10);

  @RegisterExtension
  final SimulatorExtension simulator =
      SimulatorExtension.serving(Simulator.builder().runs(120).flows(2).seed(5).requestsPerHour(0));

  @Test
  void answersNothingNewOnlyWhenTheOverlapEqualsTheLakesCopyLateCommitsIncluded(Simulator sim) {
    // the newest writes, inside the overlap, one of them the run the lake will hold a stale copy of
    List<String> touched = sim.workspace().touchRuns(3);
    List<RunRecord> truth = sim.workspace().snapshot();

    NothingNewProbe.Answer same = ask(sim, runsOnly(truth, r -> r));

    assertThat(same.nothingNew()).as(same.why()).isTrue();
    assertThat(same.runs()).isGreaterThanOrEqualTo(touched.size());

    // the lake's copy of a touched run is one second older: the workspace committed it late
    String late = touched.get(1);
    NothingNewProbe.Answer stale =
        ask(sim, runsOnly(truth, r -> r.uuid().equals(late) ? older(r, Duration.ofSeconds(1)) : r));
    assertThat(stale.nothingNew()).isFalse();
    assertThat(stale.why()).isEqualTo("the runs re-read differ from the lake's");

    // the lake lacks a run the workspace shows inside the overlap (it appeared after the pull)
    assertThat(ask(sim, runsOnly(truth, r -> r.uuid().equals(late) ? null : r)).nothingNew())
        .isFalse();

    sim.workspace().addRuns(1);
    NothingNewProbe.Answer added = ask(sim, runsOnly(truth, r -> r));
    assertThat(added.why()).isEqualTo("runs modified since the watermark");
    assertThat(added.requests()).isEqualTo(1); // the newest run is on the first page
  }

  @Test
  void aDeletedContactANewFieldOrANewGroupIsEachNews(Simulator sim) {
    List<String> touched = sim.workspace().touchRuns(3);
    List<RunRecord> runs = sim.workspace().snapshot();
    // a contact whose runs are all older than the overlap: only the deleted listing shows it
    String gone =
        runs.stream()
            .map(r -> r.contact().uuid())
            .filter(
                c ->
                    runs.stream()
                        .noneMatch(r -> touched.contains(r.uuid()) && r.contact().uuid().equals(c)))
            .findFirst()
            .orElseThrow();
    NextPullDigest before = withContacts(sim);
    assertThat(askWithContacts(sim, before).why()).isEqualTo("nothing new");

    sim.workspace().deleteContact(gone);
    assertThat(askWithContacts(sim, before).why()).startsWith("the deleted contacts");

    NextPullDigest caughtUp = withContacts(sim);
    sim.workspace().addContactField("district_code", "District Code", "text");
    assertThat(askWithContacts(sim, caughtUp).why())
        .isEqualTo("the contact fields or groups changed");

    caughtUp = withContacts(sim);
    sim.workspace().addContactGroup("Probe Panel");
    assertThat(askWithContacts(sim, caughtUp).why())
        .isEqualTo("the contact fields or groups changed");
    assertThat(askWithContacts(sim, withContacts(sim)).why()).isEqualTo("nothing new");
  }

  private static NothingNewProbe.Answer ask(Simulator sim, NextPullDigest digest) {
    return new NothingNewProbe(api(sim), 3_600_000).ask(digest, false, Instant.now());
  }

  private static NothingNewProbe.Answer askWithContacts(Simulator sim, NextPullDigest digest) {
    return new NothingNewProbe(api(sim), 3_600_000).ask(digest, true, Instant.now());
  }

  /** The digest of a runs-only pull from a lake holding {@code lake(run)} for each run. */
  private static NextPullDigest runsOnly(List<RunRecord> truth, UnaryOperator<RunRecord> lake) {
    Instant watermark = watermark(truth);
    OverlapDigest.Builder runs = new OverlapDigest.Builder(watermark.minus(OVERLAP));
    truth.stream()
        .map(lake)
        .filter(r -> r != null && !r.modifiedOn().isBefore(watermark.minus(OVERLAP)))
        .forEach(r -> runs.add(r.uuid(), r.modifiedOn()));
    return new NextPullDigest(
        "pull-1",
        watermark,
        runs.digest(),
        null,
        null,
        new OverlapDigest.Builder(null).digest(),
        Map.of());
  }

  /** The digest a pull landing contacts would record from a lake up to date with the workspace. */
  private static NextPullDigest withContacts(Simulator sim) {
    NextPullDigest runs = runsOnly(sim.workspace().snapshot(), r -> r);
    List<ContactRecord> contacts = sim.workspace().contactSnapshot();
    Instant newest =
        contacts.stream()
            .filter(c -> !c.deleted())
            .map(ContactRecord::modifiedOn)
            .max(Comparator.naturalOrder())
            .orElseThrow();
    OverlapDigest.Builder live = new OverlapDigest.Builder(newest.minus(OVERLAP));
    OverlapDigest.Builder deleted = new OverlapDigest.Builder(null);
    for (ContactRecord c : contacts) {
      if (c.deleted()) {
        deleted.add(c.uuid(), c.modifiedOn());
      } else if (!c.modifiedOn().isBefore(newest.minus(OVERLAP))) {
        live.add(c.uuid(), c.modifiedOn());
      }
    }
    return new NextPullDigest(
        "pull-1",
        runs.watermark(),
        runs.runs(),
        live.digest(),
        DefinitionsDigest.of(sim.workspace().contactFields(), sim.workspace().contactGroups()),
        deleted.digest(),
        Map.of());
  }

  private static Instant watermark(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::modifiedOn).max(Comparator.naturalOrder()).orElseThrow();
  }

  private static RunRecord older(RunRecord r, Duration by) {
    return new RunRecord(
        r.uuid(),
        r.id(),
        r.flowUuid(),
        r.flowName(),
        r.contact(),
        r.startUuid(),
        r.responded(),
        r.path(),
        r.values(),
        r.createdOn(),
        r.modifiedOn().minus(by),
        r.exitedOn(),
        r.exitType());
  }

  private static ApiConfig api(Simulator sim) {
    return ApiConfig.builder(sim.url().toString())
        .token(sim.token())
        .requestsPerHour(3_600_000)
        .build();
  }
}
