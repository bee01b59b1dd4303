package io.flowlake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ArchiveDownload;
import io.flowlake.api.ArchiveInfo;
import io.flowlake.api.ArchiveRecordParser;
import io.flowlake.api.ArchivesClient;
import io.flowlake.api.RunRecord;
import java.io.BufferedReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's retention: archives as rp-archiver writes them, and a runs endpoint without. */
class RunArchivesTest {

  private static Simulator sim;
  private static ApiConfig config;

  @BeforeAll
  static void start() throws Exception {
    sim =
        Simulator.builder()
            .runs(3_000)
            .flows(3)
            .seed(5)
            .now(Instant.now().minus(Duration.ofDays(60)))
            .retentionDays(90)
            .start();
    config =
        ApiConfig.builder(sim.url().toString())
            .token(sim.token())
            .requestsPerHour(3_600_000)
            .maxAttempts(2)
            .backoffBase(Duration.ZERO)
            .build();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void listingShowsMonthliesAndRecentDailiesNewestFirstWithRolledUpDailiesHidden() {
    List<ArchiveInfo> listed = new ArchivesClient(config).runArchives();
    LocalDate cutoff =
        LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(90)), ZoneOffset.UTC);
    assertThat(listed).isNotEmpty();
    assertThat(listed)
        .extracting(ArchiveInfo::startDate)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    for (ArchiveInfo a : listed) {
      LocalDate start = LocalDate.parse(a.startDate());
      if (a.period().equals("monthly")) {
        assertThat(start.getDayOfMonth()).isEqualTo(1);
        assertThat(start.plusMonths(1)).isBeforeOrEqualTo(cutoff);
      } else {
        assertThat(start).isAfterOrEqualTo(cutoff.withDayOfMonth(1)).isBefore(cutoff);
      }
      if (a.recordCount() == 0) {
        assertThat(a.hash()).isNull();
        assertThat(a.downloadUrl()).isNull();
        assertThat(a.size()).isZero();
      } else {
        assertThat(a.downloadUrl()).doesNotStartWith(sim.url().toString());
      }
    }
    long hidden = sim.retention().archives().all().stream().filter(RunArchive::rolledUp).count();
    assertThat(hidden).isPositive();
  }

  @Test
  void archivesHoldEveryRunLastModifiedBeforeTheCutoffOnceAndSomeInLegacyShape() throws Exception {
    LocalDate cutoff =
        LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(90)), ZoneOffset.UTC);
    Set<String> expected = new HashSet<>();
    for (RunRecord run : sim.workspace().snapshot()) {
      if (LocalDate.ofInstant(run.modifiedOn(), ZoneOffset.UTC).isBefore(cutoff)) {
        expected.add(run.uuid());
      }
    }
    Set<String> archived = new HashSet<>();
    int legacy = 0;
    for (ArchiveInfo a : new ArchivesClient(config).runArchives()) {
      if (a.recordCount() == 0) {
        continue;
      }
      try (ArchiveDownload download = ArchiveDownload.fetch(a, config);
          BufferedReader lines = download.lines()) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          assertThat(archived.add(ArchiveRecordParser.parse(line).uuid())).isTrue();
          assertThat(line).contains("+00:00").doesNotContain("\"start\"").doesNotContain("\"urn\"");
          legacy += line.contains("\"submitted_by\"") && line.contains("\"values\":[") ? 1 : 0;
        }
      }
    }
    assertThat(expected).hasSizeGreaterThan(1_000);
    assertThat(archived).isEqualTo(expected);
    assertThat(legacy).isPositive();
  }

  @Test
  void runsEndpointServesOnlyRunsModifiedWithinRetentionAndThePurgeLag() {
    Instant servedFrom = sim.retention().servedFrom();
    long retained =
        sim.workspace().snapshot().stream()
            .filter(r -> !r.modifiedOn().isBefore(servedFrom))
            .count();
    long served = 0;
    try (var client = new io.flowlake.api.RunsClient(config)) {
      var pages =
          client.pages(
              new io.flowlake.api.RunsQuery(null, Instant.now(), false, null, null, null, false));
      while (pages.hasNext()) {
        var page = pages.next();
        for (RunRecord run : page.runs()) {
          assertThat(run.modifiedOn()).isAfterOrEqualTo(servedFrom);
          served++;
        }
      }
    }
    assertThat(served).isEqualTo(retained).isPositive();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(ArchiveCorruption.class)
  void aCorruptedArchiveIsRetriedThenRefusedByNameAndFetchedOnceRepaired(ArchiveCorruption kind)
      throws Exception {
    RunArchive stored =
        sim.retention().archives().all().stream()
            .filter(a -> !a.rolledUp() && !a.empty() && a.period().equals("monthly"))
            .findFirst()
            .orElseThrow();
    stored.corrupt(kind);
    try {
      ArchiveInfo listed = listedAs(stored);
      int before = sim.retention().storage().downloads().size();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ArchiveDownload.fetch(listed, config))
          .isInstanceOf(io.flowlake.api.ArchiveIntegrityException.class)
          .hasMessageContaining(listed.name())
          .hasMessageContaining(
              switch (kind) {
                case BAD_HASH -> "MD5";
                case TRUNCATED_GZIP -> "gzip";
                case WRONG_RECORD_COUNT -> "records";
              })
          .hasMessageContaining("nothing of it was merged");
      assertThat(sim.retention().storage().downloads().size() - before)
          .as("every attempt downloads again")
          .isEqualTo(config.maxAttempts());
    } finally {
      stored.repair();
    }
    try (ArchiveDownload fixed = ArchiveDownload.fetch(listedAs(stored), config)) {
      assertThat(fixed.attempts()).isEqualTo(1);
    }
  }

  private static ArchiveInfo listedAs(RunArchive stored) {
    return new ArchivesClient(config)
        .runArchives().stream()
            .filter(
                a ->
                    a.period().equals(stored.period())
                        && a.startDate().equals(stored.startDate().toString()))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void downloadsCarryNoAuthorizationHeader() throws Exception {
    ArchiveInfo first =
        new ArchivesClient(config)
            .runArchives().stream().filter(a -> a.recordCount() > 0).findFirst().orElseThrow();
    ArchiveDownload.fetch(first, config).close();
    assertThat(sim.retention().storage().downloads())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.authorizationSent()).isFalse());
  }
}
