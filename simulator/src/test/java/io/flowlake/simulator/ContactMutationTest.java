package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ContactMutationTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static Map<String, ContactRecord> byUuid(List<ContactRecord> contacts) {
    return contacts.stream().collect(Collectors.toMap(ContactRecord::uuid, Function.identity()));
  }

  private static Instant newest(List<ContactRecord> contacts) {
    return contacts.stream()
        .map(ContactRecord::modifiedOn)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  /** The contact with the most runs, so the deletion has something to remove. */
  private static String busiestContact(Workspace workspace) {
    return workspace.snapshot().stream()
        .collect(Collectors.groupingBy(r -> r.contact().uuid(), Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
  }

  @Test
  void deletingAContactHardDeletesItsRunsButArchivesKeepThem() throws IOException {
    try (Simulator sim =
        Simulator.builder()
            .runs(3000)
            .flows(3)
            .seed(5)
            .now(Instant.now().minus(Duration.ofDays(60)))
            .retentionDays(90)
            .start()) {
      Workspace workspace = sim.workspace();
      String contact = busiestContact(workspace);
      List<String> expectedRuns =
          workspace.snapshot().stream()
              .filter(r -> r.contact().uuid().equals(contact))
              .map(RunRecord::uuid)
              .toList();
      int runsBefore = workspace.size();

      List<String> deletedRuns = workspace.deleteContact(contact);

      assertThat(deletedRuns)
          .containsExactlyInAnyOrderElementsOf(expectedRuns)
          .hasSizeGreaterThan(1);
      assertThat(workspace.size()).isEqualTo(runsBefore - deletedRuns.size());
      assertThat(workspace.snapshot())
          .extracting(RunRecord::uuid)
          .doesNotContainAnyElementsOf(deletedRuns);
      assertThat(workspace.statuses()).doesNotContainKeys(deletedRuns.toArray(String[]::new));
      SimulatorHttp http = new SimulatorHttp(sim.url(), sim.token());
      List<String> served =
          results(http.pages("/api/v2/runs.json?paths=false")).stream()
              .map(r -> r.get("uuid").asText())
              .toList();
      assertThat(served).doesNotContainAnyElementsOf(deletedRuns);
      for (String run : deletedRuns) {
        assertThat(results(http.pages("/api/v2/runs.json?uuid=" + run))).isEmpty();
      }
      long flowTotal = 0;
      for (JsonNode flow : results(http.pages("/api/v2/flows.json"))) {
        for (JsonNode count : flow.get("runs")) {
          flowTotal += count.asLong();
        }
      }
      assertThat(flowTotal).isEqualTo(workspace.size());
      String archived = archivedText(sim);
      assertThat(deletedRuns).anyMatch(archived::contains);
    }
  }

  @Test
  void aDeletedContactIsBlankedAndCannotBeChangedOrDeletedAgain() {
    Workspace workspace = WorkspaceGenerator.generate(7, 600, 3, false, NOW);
    String uuid = workspace.contactSnapshot().get(3).uuid();
    Instant t0 = newest(workspace.contactSnapshot());

    workspace.deleteContact(uuid);

    ContactRecord gone = byUuid(workspace.contactSnapshot()).get(uuid);
    assertThat(gone.deleted()).isTrue();
    assertThat(gone.modifiedOn()).isAfter(t0);
    assertThat(gone.name()).isNull();
    assertThat(gone.fields()).isEmpty();
    assertThatThrownBy(() -> workspace.setContactField(uuid, "born", "1990"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is deleted and can't be modified");
    assertThatThrownBy(() -> workspace.deleteContact(uuid))
        .isInstanceOf(IllegalArgumentException.class);
    workspace.addRuns(200); // a deleted contact starts no flow

    assertThat(workspace.snapshot()).noneMatch(r -> r.contact().uuid().equals(uuid));
  }

  @Test
  void settingAFieldMovesTheContactPastAFixedT0AndNothingElseChanges() {
    Workspace workspace = WorkspaceGenerator.generate(7, 600, 3, false, NOW);
    List<ContactRecord> before = workspace.contactSnapshot();
    Instant t0 = newest(before);
    String uuid = before.get(9).uuid();

    workspace.setContactField(uuid, "born", "1987");
    workspace.setContactField(uuid, "gender", "");

    Map<String, ContactRecord> after = byUuid(workspace.contactSnapshot());
    for (ContactRecord old : before) {
      ContactRecord now = after.get(old.uuid());
      if (old.uuid().equals(uuid)) {
        assertThat(now.modifiedOn()).isAfter(t0);
        assertThat(now.fields()).containsEntry("born", "1987").containsEntry("gender", null);
        assertThat(now.createdOn()).isEqualTo(old.createdOn());
      } else {
        assertThat(now).isEqualTo(old);
      }
    }
    assertThatThrownBy(() -> workspace.setContactField(uuid, "shoe_size", "42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the workspace has no contact field 'shoe_size'");
  }

  @Test
  void movedContactsGetAnotherDistrictWithItsStateAndPilotMembershipFollows() {
    Workspace workspace = WorkspaceGenerator.generate(7, 3000, 3, false, NOW);
    Map<String, ContactRecord> before = byUuid(workspace.contactSnapshot());

    List<String> moved = workspace.moveContacts(60);

    Map<String, ContactRecord> after = byUuid(workspace.contactSnapshot());
    assertThat(moved).hasSize(60).doesNotHaveDuplicates();
    List<Instant> times = moved.stream().map(u -> after.get(u).modifiedOn()).toList();
    assertThat(times).doesNotHaveDuplicates();
    for (String uuid : moved) {
      Map<String, String> was = before.get(uuid).fields();
      Map<String, String> is = after.get(uuid).fields();
      assertThat(is.get("district"))
          .isNotNull()
          .isNotEqualTo(was.get("district"))
          .startsWith(is.get("state") + " > ");
      boolean pilot =
          is.get("district").endsWith(" > Nyarugenge") && after.get(uuid).status().equals("active");
      assertThat(after.get(uuid).groups().stream().anyMatch(g -> g.name().equals("Pilot District")))
          .isEqualTo(pilot);
    }
    assertThat(moved)
        .anyMatch(
            u ->
                before.get(u).groups().stream().anyMatch(g -> g.name().equals("Pilot District"))
                    != after.get(u).groups().stream()
                        .anyMatch(g -> g.name().equals("Pilot District")));
  }

  private static String archivedText(Simulator sim) {
    StringBuilder all = new StringBuilder();
    for (RunArchive archive : sim.retention().archives().all()) {
      if (archive.empty()) {
        continue;
      }
      try (InputStream in = new GZIPInputStream(archive.open())) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        all.append(out.toString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.toString();
  }
}
