package io.flowlake.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.lake.LakePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateHistoryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path lake;

  /** One record per hour of the last {@code hours}, oldest first, named as the lake names them. */
  private List<String> records(String dir, int hours) throws IOException {
    Path folder = Files.createDirectories(lake.resolve("_state").resolve(dir));
    List<String> names = new ArrayList<>();
    for (int h = hours; h >= 1; h--) {
      String name = NOW.minus(Duration.ofHours(h)).toEpochMilli() + "-run" + h + ".json";
      Files.writeString(folder.resolve(name), "{}");
      names.add(name);
    }
    return names;
  }

  private List<String> left(String dir) throws IOException {
    try (Stream<Path> files = Files.list(lake.resolve("_state").resolve(dir))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void removesPullsAndReportsOlderThanTheRetentionAndKeepsTheRest() throws IOException {
    List<String> pulls = records("pulls", 30);
    List<String> reports = records(RunReportStore.DIR, 30);
    Files.writeString(lake.resolve("_state").resolve("pulls").resolve("notes.txt"), "x");

    int removed = history().trim(Duration.ofHours(12).plusMinutes(30), NOW);

    assertThat(removed).isEqualTo(2 * 18);
    assertThat(left(RunReportStore.DIR)).containsExactlyElementsOf(sorted(reports.subList(18, 30)));
    List<String> keptPulls = new ArrayList<>(sorted(pulls.subList(18, 30)));
    keptPulls.add("notes.txt"); // not a record: left alone
    assertThat(left("pulls")).containsExactlyInAnyOrderElementsOf(keptPulls);
  }

  @Test
  void keepsTheNewestRecordsWhateverTheRetention() throws IOException {
    List<String> reports = records(RunReportStore.DIR, 25);

    history().trim(Duration.ZERO, NOW);

    assertThat(left(RunReportStore.DIR))
        .hasSize(StateHistory.ALWAYS_KEPT)
        .containsExactlyElementsOf(sorted(reports.subList(25 - StateHistory.ALWAYS_KEPT, 25)));
  }

  private StateHistory history() {
    return new StateHistory(new LakePaths(lake.toUri().toString()), new Configuration());
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }
}
