package io.flowlake.ops;

import io.flowlake.config.ReadSettings;
import io.flowlake.lake.ContactsRecord;
import io.flowlake.lake.ContactsState;
import io.flowlake.lake.LakePaths;
import io.flowlake.lake.NextPullDigest;
import io.flowlake.lake.PullRecord;
import io.flowlake.lake.PulledTables;
import io.flowlake.lake.RunValuesPending;
import io.flowlake.lake.StateStore;
import io.flowlake.lake.VacuumState;
import io.flowlake.models.MartsCurrent;
import io.flowlake.models.TransformResult;
import io.flowlake.pull.NothingNewProbe;
import io.flowlake.pull.PullJob;
import io.flowlake.pull.PullSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduled {@code run} that finds nothing new, decided before Spark starts: when the run is a
 * plain incremental one, the marts are up to date ({@link MartsCurrent}) and the workspace's
 * re-reads match what the last pull recorded ({@link NothingNewProbe}), the run prints and reports
 * what a no-op run does, exit 5, and no Spark session is ever opened. Whenever any of that cannot
 * be shown it answers empty and the caller runs {@link RunJob} as always: a false "nothing new"
 * would lose data, a false "maybe" costs only time.
 */
public final class NothingNewRun {

  private static final Logger LOG = LoggerFactory.getLogger(NothingNewRun.class);

  private final LakePaths lake;
  private final Configuration conf;
  private final Clock clock;
  private final RunListener listener;
  private final ReportedRun reported;

  public NothingNewRun(
      LakePaths lake,
      Configuration conf,
      Clock clock,
      RunListener listener,
      RunExitCodes exitCodes) {
    this.lake = lake;
    this.conf = conf;
    this.clock = clock;
    this.listener = listener;
    this.reported = new ReportedRun(lake, conf, clock, listener, exitCodes);
  }

  /** The run's outcome when it found nothing new without Spark; empty to run it the normal way. */
  public Optional<RunOutcome> tryRun(RunJob.Settings settings, Instant startedAt) {
    Instant probeStart = clock.instant();
    NextPullDigest digest;
    Optional<TransformResult> marts;
    NothingNewProbe.Answer answer;
    Instant now = probeStart.truncatedTo(ChronoUnit.MICROS);
    try {
      Optional<NextPullDigest> plain = plainRun(settings);
      marts = plain.isPresent() ? MartsCurrent.ifUpToDate(lake, conf) : Optional.empty();
      if (marts.isEmpty()) {
        return Optional.empty();
      }
      digest = plain.get();
      PullSettings pull = settings.pull();
      answer =
          new NothingNewProbe(settings.api(), pull.contacts().requestsPerHour())
              .ask(digest, pull.contacts().enabled(), now);
    } catch (RuntimeException e) {
      if (StopRequest.signal().isPresent()) {
        StopRequest.acknowledge(); // the report needs I/O
        return Optional.of(
            reported.run(
                settings.pull().personalData(),
                startedAt,
                report -> {
                  throw e;
                }));
      }
      LOG.info("taking the normal path: the probe failed ({})", e.toString());
      return Optional.empty();
    }
    LOG.info("probe: {} ({} requests)", answer.why(), answer.requests());
    if (!answer.nothingNew() || StopRequest.signal().isPresent()) {
      return Optional.empty();
    }
    double probeSeconds = (clock.millis() - probeStart.toEpochMilli()) / 1000.0;
    PullRecord pull = record(settings.pull(), digest, answer, probeStart, now);
    return Optional.of(
        reported.run(
            settings.pull().personalData(),
            startedAt,
            report -> {
              // the pull history counts the probe's requests, as it counts a pull's
              new StateStore(lake, conf).log(pull);
              listener.pulled(pull);
              report.pull(pull, settings.maxRejects());
              listener.transformed(marts.get());
              report.transform(marts.get());
              report.probe(probeSeconds, answer.requests());
              listener.nothingNew(digest.watermark());
              return RunOutcome.NOTHING_NEW;
            }));
  }

  /**
   * The last pull's digest when this run is one the probe can answer for: incremental, unsegmented,
   * nothing pending or due, and the digest still describing the lake's state; empty otherwise.
   */
  private Optional<NextPullDigest> plainRun(RunJob.Settings settings) {
    PullSettings pull = settings.pull();
    Map<String, String> source = pull.sourceOptions();
    if (pull.full()
        || settings.withArchives()
        || !settings.segments().isEmpty()
        || source.containsKey(ReadSettings.FLOW.key())
        || source.containsKey(ReadSettings.CONTACT.key())
        || source.containsKey(ReadSettings.UUID.key())
        || "true".equalsIgnoreCase(source.get(ReadSettings.RESPONDED_ONLY.key()))) {
      return Optional.empty();
    }
    StateStore state = new StateStore(lake, conf);
    Optional<Instant> watermark = state.watermark();
    if (watermark.isEmpty() || state.unfinishedFullPull() || vacuumDue(settings.vacuum())) {
      return Optional.empty();
    }
    if (new RunValuesPending(lake, conf).isSet()) {
      return Optional.empty();
    }
    NextPullDigest.Store store = new NextPullDigest.Store(lake, conf);
    Optional<NextPullDigest> digest = store.read();
    if (digest.isEmpty()
        || !digest.get().matches(store.lastPullId().orElse(""), watermark.get())
        || !digest.get().runs().after().equals(watermark.get().minus(pull.overlap()))
        || !digest.get().tables().equals(PulledTables.versions(lake, conf))) {
      return Optional.empty();
    }
    if (pull.contacts().enabled()) {
      Optional<ContactsState.Mark> contacts = new ContactsState(lake, conf).mark();
      if (contacts.isEmpty()
          || digest.get().contacts() == null
          || !contacts.get().fields().equals(pull.contacts().fields().toString())
          || !digest
              .get()
              .contacts()
              .after()
              .equals(contacts.get().watermark().minus(pull.overlap()))) {
        return Optional.empty();
      }
    }
    return digest;
  }

  /** Whether the normal path would vacuum, or start the vacuum cadence. */
  private boolean vacuumDue(VacuumPolicy policy) {
    Optional<Instant> since = new VacuumState(lake, conf).since();
    return policy.forced()
        || (since.isEmpty() && policy.hasCadence())
        || policy.isDue(since, clock.instant());
  }

  private PullRecord record(
      PullSettings settings,
      NextPullDigest digest,
      NothingNewProbe.Answer answer,
      Instant started,
      Instant t0) {
    ContactsRecord contacts =
        settings.contacts().enabled()
            ? new ContactsRecord(answer.contacts(), 0, answer.fields(), answer.groups())
            : null;
    return new PullRecord(
        PullJob.newPullId(),
        "incremental",
        started,
        clock.instant(),
        t0,
        digest.runs().after(),
        digest.watermark(),
        digest.watermark(),
        answer.requests(),
        answer.pages(),
        answer.runs(),
        0,
        0,
        0,
        0,
        java.util.List.of(),
        contacts,
        0);
  }
}
