package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marks one vacuum records are the ones the next reads; a state without any vacuums all. */
class VacuumStateTest {

  @Test
  void theNextVacuumReadsEachTablesMarkAsRecorded(@TempDir Path dir) {
    VacuumState state = new VacuumState(new LakePaths(dir.toString()), new Configuration());
    Instant at = Instant.parse("2026-11-20T03:00:00Z");
    Map<String, VacuumMark> marks =
        Map.of(
            "runs",
            new VacuumMark(7, at.minusSeconds(90), at.minusSeconds(60), Duration.ofMinutes(1)),
            "marts/flow_results/f1",
            new VacuumMark(
                3, at.minusSeconds(10), at.minus(Duration.ofDays(7)), Duration.ofDays(7)));
    state.vacuumed(at, Duration.ofDays(7), new VacuumResult(1, 0, 1, marks));

    assertThat(state.marks()).isEqualTo(marks);
    assertThat(state.since()).hasValue(at);
  }

  @Test
  void aStateFromBeforeMarksHasNone(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("_state"));
    Files.writeString(
        dir.resolve("_state").resolve(VacuumState.FILE),
        "{\"since\":\"2026-11-20T03:00:00Z\",\"last_vacuum_at\":\"2026-11-20T03:00:00Z\","
            + "\"retention\":\"PT0S\",\"tables\":12}");
    VacuumState state = new VacuumState(new LakePaths(dir.toString()), new Configuration());

    assertThat(state.marks()).isEmpty();
    assertThat(state.since()).hasValue(Instant.parse("2026-11-20T03:00:00Z"));
  }
}
