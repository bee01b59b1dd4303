package io.flowlake.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.RunRecord;
import io.flowlake.lake.NextPullDigest;
import io.flowlake.lake.OverlapDigest;
import io.flowlake.simulator.Simulator;
import io.flowlake.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The probe against a workspace whose overlap is known from its truth: it answers "nothing new"
 * only when the re-read equals what the lake holds, and a late commit (a run the workspace shows at
 * another {@code modified_on} than the lake's, no later than the watermark) is a difference even
 * though nothing is newer than the watermark.
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
    Instant watermark =
        truth.stream().map(RunRecord::modifiedOn).max(Comparator.naturalOrder()).orElseThrow();
    NothingNewProbe probe = new NothingNewProbe(api(sim), 3_600_000);
    Instant now = Instant.now();

    NothingNewProbe.Answer same = probe.ask(digest(truth, watermark, r -> r), false, now);

    assertThat(same.nothingNew()).as(same.why()).isTrue();
    assertThat(same.runs()).isGreaterThanOrEqualTo(touched.size());

    // the lake's copy of a touched run is one second older: the workspace committed it late
    String late = touched.get(1);
    NothingNewProbe.Answer stale =
        new NothingNewProbe(api(sim), 3_600_000)
            .ask(
                digest(
                    truth,
                    watermark,
                    r -> r.uuid().equals(late) ? older(r, Duration.ofSeconds(1)) : r),
                false,
                now);
    assertThat(stale.nothingNew()).isFalse();
    assertThat(stale.why())
        .isEqualTo("the runs re-read differ from the lake's")
        .doesNotContain(late);

    // the lake lacks a run the workspace shows inside the overlap (it appeared after the pull)
    NothingNewProbe.Answer missing =
        new NothingNewProbe(api(sim), 3_600_000)
            .ask(digest(truth, watermark, r -> r.uuid().equals(late) ? null : r), false, now);
    assertThat(missing.nothingNew()).isFalse();

    sim.workspace().addRuns(1);
    NothingNewProbe.Answer added =
        new NothingNewProbe(api(sim), 3_600_000)
            .ask(digest(truth, watermark, r -> r), false, Instant.now());
    assertThat(added.nothingNew()).isFalse();
    assertThat(added.why()).isEqualTo("runs modified since the watermark");
    assertThat(added.requests()).isEqualTo(1); // the newest run is on the first page
  }

  /** The digest a pull would have recorded from a lake holding {@code lake(run)} for each run. */
  private static NextPullDigest digest(
      List<RunRecord> truth, Instant watermark, UnaryOperator<RunRecord> lake) {
    Instant after = watermark.minus(OVERLAP);
    OverlapDigest.Builder runs = new OverlapDigest.Builder(after);
    truth.stream()
        .map(lake)
        .filter(r -> r != null && !r.modifiedOn().isBefore(after))
        .forEach(r -> runs.add(r.uuid(), r.modifiedOn()));
    return new NextPullDigest(
        "pull-1", watermark, runs.digest(), null, null, new OverlapDigest.Builder(null).digest());
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
