package io.flowlake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkspaceGeneratorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static Workspace workspace;
  private static List<RunRecord> runs;

  @BeforeAll
  static void generate() {
    workspace = WorkspaceGenerator.generate(42, 20_000, 8, false, NOW);
    runs = workspace.snapshot();
  }

  private static long share(java.util.function.Predicate<RunRecord> p) {
    return runs.stream().filter(p).count() * 100 / runs.size();
  }

  @Test
  void sameSeedGivesAnIdenticalWorkspace() {
    Workspace again = WorkspaceGenerator.generate(42, 20_000, 8, false, NOW);
    Workspace other = WorkspaceGenerator.generate(43, 20_000, 8, false, NOW);

    assertThat(again.snapshot()).isEqualTo(runs);
    assertThat(again.flows()).isEqualTo(workspace.flows());
    assertThat(again.uuid()).isEqualTo(workspace.uuid());
    assertThat(other.snapshot().get(0).uuid()).isNotEqualTo(runs.get(0).uuid());
  }

  @Test
  void runsHaveSequentialIdsAndDistinctV4ShapedUuids() {
    Set<String> uuids = new HashSet<>();
    for (int i = 0; i < runs.size(); i++) {
      RunRecord run = runs.get(i);
      assertThat(run.id()).isEqualTo(i + 1L);
      assertThat(run.uuid())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      uuids.add(run.uuid());
    }
    assertThat(uuids).hasSize(runs.size());
  }

  @Test
  void timesAreOrderedAndWithinTheEightyDaysBeforeNow() {
    Instant windowStart = NOW.minus(Duration.ofDays(80));
    for (RunRecord run : runs) {
      assertThat(run.createdOn()).isAfterOrEqualTo(windowStart).isBefore(NOW);
      assertThat(run.modifiedOn()).isAfterOrEqualTo(run.createdOn()).isBefore(NOW);
      assertThat(run.exitedOn() == null).isEqualTo(run.exitType() == null);
      if (run.exitedOn() != null) {
        assertThat(run.modifiedOn()).isAfterOrEqualTo(run.exitedOn());
      }
      Instant previous = run.createdOn();
      for (PathStep step : run.path()) {
        assertThat(step.time()).isAfterOrEqualTo(previous);
        previous = step.time();
      }
      assertThat(previous).isBeforeOrEqualTo(run.modifiedOn());
      for (ResultValue value : run.values().values()) {
        assertThat(value.time()).isBetween(run.createdOn(), run.modifiedOn());
        assertThat(run.path()).extracting(PathStep::node).contains(value.node());
        assertThat(value.input()).isNull();
      }
    }
  }

  @Test
  void exitTypesFollowRealisticShares() {
    assertThat(share(r -> "completed".equals(r.exitType()))).isBetween(50L, 60L);
    assertThat(share(r -> r.exitType() == null)).isBetween(8L, 15L);
    assertThat(share(r -> "interrupted".equals(r.exitType()))).isBetween(10L, 20L);
    assertThat(share(r -> "expired".equals(r.exitType()))).isBetween(12L, 20L);
    assertThat(share(r -> "failed".equals(r.exitType()))).isBetween(1L, 6L);
    assertThat(workspace.statuses().values())
        .contains(RunStatus.ACTIVE, RunStatus.WAITING)
        .allMatch(s -> s.isOngoing() == (s.exitType() == null));
  }

  /** Flows and segments differ as real ones do, so the demo's charts show something. */
  @Test
  void completionVariesByFlowAndResponseByAgeAndDistrict() {
    Map<String, Double> byFlow = rate(r -> r.flowUuid(), r -> "completed".equals(r.exitType()));
    assertThat(byFlow.values().stream().mapToDouble(d -> d).min().orElseThrow()).isLessThan(0.35);
    assertThat(byFlow.values().stream().mapToDouble(d -> d).max().orElseThrow())
        .isGreaterThan(0.78);

    Map<String, Map<String, String>> fields =
        workspace.contactSnapshot().stream()
            .collect(Collectors.toMap(c -> c.uuid(), c -> c.fields()));
    Map<String, Double> byAge =
        rate(
            r -> {
              String born = fields.get(r.contact().uuid()).get("born");
              return born == null ? "?" : Integer.parseInt(born) > 2026 - 20 ? "young" : "older";
            },
            RunRecord::responded);
    assertThat(byAge.get("young") - byAge.get("older")).isGreaterThan(0.05);
    Map<String, Double> byDistrict =
        rate(
            r -> String.valueOf(fields.get(r.contact().uuid()).get("district")),
            RunRecord::responded);
    double spread =
        byDistrict.values().stream().mapToDouble(d -> d).max().orElseThrow()
            - byDistrict.values().stream().mapToDouble(d -> d).min().orElseThrow();
    assertThat(spread).isGreaterThan(0.10);
  }

  private static Map<String, Double> rate(
      Function<RunRecord, String> group, java.util.function.Predicate<RunRecord> counted) {
    return runs.stream()
        .collect(
            Collectors.groupingBy(
                group, Collectors.averagingDouble(r -> counted.test(r) ? 1.0 : 0.0)));
  }

  @Test
  void respondedAgreesWithTheValues() {
    for (RunRecord run : runs) {
      boolean answered =
          run.values().values().stream().anyMatch(v -> !"No Response".equals(v.category()));
      if (answered) {
        assertThat(run.responded()).as(run.uuid()).isTrue();
      }
      if (!run.responded()) {
        assertThat(run.values().values()).allMatch(v -> "No Response".equals(v.category()));
      }
    }
    assertThat(runs).anyMatch(RunRecord::responded).anyMatch(r -> !r.responded());
  }

  @Test
  void noResponseIsATimeoutWithAnEmptyValue() {
    List<ResultValue> timeouts =
        runs.stream()
            .flatMap(r -> r.values().values().stream())
            .filter(v -> "No Response".equals(v.category()))
            .toList();

    assertThat(timeouts).isNotEmpty().allMatch(v -> v.value().isEmpty());
  }

  @Test
  void variedRunsExistForEveryEdgeAClientMustHandle() {
    assertThat(runs).anyMatch(r -> r.path().size() > 500);
    assertThat(runs).anyMatch(r -> r.values().isEmpty());
    assertThat(runs).anyMatch(r -> r.startUuid() != null).anyMatch(r -> r.startUuid() == null);
    assertThat(runs).anyMatch(r -> r.modifiedOn().getNano() == 0);
    assertThat(runs).anyMatch(r -> r.createdOn().getNano() == 0);
    assertThat(runs).anyMatch(r -> r.contact().urn() == null);
    assertThat(runs).anyMatch(r -> r.contact().name() == null);
    assertThat(runs).allMatch(r -> r.modifiedOn().getNano() % 1000 == 0);
  }

  @Test
  void aBulkInterruptGivesMoreThanSixHundredRunsOneModifiedOn() {
    Map<Instant, Long> byModifiedOn =
        runs.stream().collect(Collectors.groupingBy(RunRecord::modifiedOn, Collectors.counting()));
    Map.Entry<Instant, Long> largest =
        byModifiedOn.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();

    assertThat(largest.getValue()).isGreaterThan(600);
    assertThat(runs.stream().filter(r -> r.modifiedOn().equals(largest.getKey())))
        .allMatch(r -> "interrupted".equals(r.exitType()) && largest.getKey().equals(r.exitedOn()));
  }

  @Test
  void flowsDeclareChoiceNumericAndFreeTextResults() {
    Map<String, FlowDefinition> byUuid =
        workspace.flows().stream()
            .collect(Collectors.toMap(FlowDefinition::uuid, Function.identity()));

    assertThat(byUuid).hasSize(8);
    for (FlowDefinition flow : workspace.flows()) {
      assertThat(flow.results()).hasSize(3);
      assertThat(flow.results().get(0).categories()).contains("Other", "No Response");
      assertThat(flow.results().get(1).categories()).containsExactly("Valid", "Other");
      assertThat(flow.results().get(2).categories()).containsExactly("All Responses");
      assertThat(flow.nodeUuids()).containsAll(flow.results().get(0).nodeUuids());
    }
    for (RunRecord run : runs) {
      FlowDefinition flow = byUuid.get(run.flowUuid());
      assertThat(run.flowName()).isEqualTo(flow.name());
      assertThat(flow.nodeUuids()).containsAll(run.path().stream().map(PathStep::node).toList());
    }
  }

  @Test
  void anonymousWorkspaceMasksUrns() {
    List<RunRecord> anonymous = WorkspaceGenerator.generate(42, 300, 2, true, NOW).snapshot();

    assertThat(anonymous)
        .allMatch(r -> r.contact().urnDisplay() == null)
        .allMatch(r -> r.contact().ref().matches("\\d{10}"))
        .anyMatch(r -> "tel:********".equals(r.contact().urn()));
  }
}
