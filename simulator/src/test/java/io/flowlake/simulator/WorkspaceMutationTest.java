package io.flowlake.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.api.PathStep;
import io.flowlake.api.RunRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkspaceMutationTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static Map<String, RunRecord> byUuid(List<RunRecord> runs) {
    return runs.stream().collect(Collectors.toMap(RunRecord::uuid, Function.identity()));
  }

  private static Instant newest(List<RunRecord> runs) {
    return runs.stream().map(RunRecord::modifiedOn).max(Comparator.naturalOrder()).orElseThrow();
  }

  @Test
  void modifiedRunsMovePastAFixedBeforeAndNothingElseChanges() {
    Workspace workspace = WorkspaceGenerator.generate(7, 3000, 4, false, NOW);
    List<RunRecord> before = workspace.snapshot();
    Instant t0 = newest(before);

    List<String> modified = workspace.modifyRuns(40);

    Map<String, RunRecord> after = byUuid(workspace.snapshot());
    assertThat(modified).hasSize(40).doesNotHaveDuplicates();
    for (RunRecord old : before) {
      RunRecord now = after.get(old.uuid());
      if (modified.contains(old.uuid())) {
        assertThat(now.modifiedOn()).isAfter(t0).isAfterOrEqualTo(Instant.now().minusSeconds(60));
        assertThat(old.exitType()).isNull();
        assertThat(now.path()).startsWith(old.path().toArray(new PathStep[0]));
        assertThat(now.exitedOn() == null).isEqualTo(now.exitType() == null);
      } else {
        assertThat(now).isEqualTo(old);
      }
    }
  }

  @Test
  void everyWriteGetsItsOwnStrictlyLaterModifiedOn() {
    Workspace workspace = WorkspaceGenerator.generate(7, 3000, 4, false, NOW);

    List<String> modified = workspace.modifyRuns(20);

    Map<String, RunRecord> after = byUuid(workspace.snapshot());
    List<Instant> times = modified.stream().map(u -> after.get(u).modifiedOn()).toList();
    assertThat(times).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void answersEventuallyCompleteRunsAndChangeTheirValues() {
    Workspace workspace = WorkspaceGenerator.generate(7, 3000, 4, false, NOW);
    Map<String, RunRecord> before = byUuid(workspace.snapshot());

    for (int round = 0; round < 30; round++) {
      workspace.modifyRuns(50);
    }

    List<RunRecord> changed =
        workspace.snapshot().stream().filter(r -> !r.equals(before.get(r.uuid()))).toList();
    assertThat(changed)
        .anyMatch(r -> "completed".equals(r.exitType()) && r.exitedOn().equals(r.modifiedOn()))
        .anyMatch(r -> "expired".equals(r.exitType()))
        .anyMatch(r -> r.values().size() > before.get(r.uuid()).values().size())
        .allMatch(
            r -> r.values().values().stream().allMatch(v -> !v.time().isAfter(r.modifiedOn())));
  }

  @Test
  void addedRunsAreNewRunsCreatedNowAndStillOngoing() {
    Workspace workspace = WorkspaceGenerator.generate(7, 1000, 4, false, NOW);

    List<String> added = workspace.addRuns(25);

    List<RunRecord> runs = workspace.snapshot();
    assertThat(runs).hasSize(1025);
    List<RunRecord> fresh = runs.subList(1000, 1025);
    assertThat(fresh).extracting(RunRecord::uuid).containsExactlyElementsOf(added);
    assertThat(fresh).extracting(RunRecord::id).startsWith(1001L).endsWith(1025L);
    assertThat(fresh)
        .allMatch(r -> r.createdOn().equals(r.modifiedOn()) && r.exitType() == null)
        .allMatch(r -> r.createdOn().isAfter(NOW))
        .allMatch(r -> r.values().isEmpty() && !r.responded());
    assertThat(fresh.stream().map(RunRecord::startUuid).distinct()).hasSize(1);
  }

  @Test
  void touchingRunsGivesThemOneModifiedOnAndInterruptsOngoingOnes() {
    Workspace workspace = WorkspaceGenerator.generate(7, 2000, 4, false, NOW);
    Map<String, RunStatus> statuses = workspace.statuses();
    Instant at = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);

    List<String> touched = workspace.touchRuns(700, at);

    Map<String, RunRecord> after = byUuid(workspace.snapshot());
    assertThat(touched).hasSize(700).doesNotHaveDuplicates();
    for (String uuid : touched) {
      RunRecord run = after.get(uuid);
      assertThat(run.modifiedOn()).isEqualTo(at);
      if (statuses.get(uuid).isOngoing()) {
        assertThat(run.exitType()).isEqualTo("interrupted");
        assertThat(run.exitedOn()).isEqualTo(at);
      }
    }
    assertThatThrownBy(() -> workspace.touchRuns(5, at))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would not be the newest");
  }
}
