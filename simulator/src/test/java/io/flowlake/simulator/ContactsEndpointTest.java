package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.encode;
import static io.flowlake.simulator.SimulatorHttp.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactsEndpointTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static List<String> uuids(List<JsonNode> contacts) {
    return contacts.stream().map(c -> c.get("uuid").asText()).toList();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The active contacts, oldest modified first, ties by id: the order reverse=true pages in. */
  private static List<String> modifiedOrder(Workspace workspace) {
    List<ContactRecord> all = workspace.contactSnapshot();
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!all.get(i).deleted()) {
        ids.add(i);
      }
    }
    ids.sort(Comparator.comparing((Integer i) -> all.get(i).modifiedOn()).thenComparing(i -> i));
    return ids.stream().map(i -> all.get(i).uuid()).toList();
  }

  @Test
  void pagesEveryContactOnceByModifiedOnEitherWay() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(7, 3000, 4, false, NOW);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      List<JsonNode> pages = http.pages("/api/v2/contacts.json?reverse=true");
      List<String> newestFirst = uuids(results(http.pages("/api/v2/contacts.json")));

      List<String> expected = modifiedOrder(workspace);
      assertThat(expected).hasSize(1001);
      assertThat(pages).hasSize(5);
      assertThat(uuids(results(pages))).containsExactlyElementsOf(expected);
      List<String> reversed = new ArrayList<>(expected);
      Collections.reverse(reversed);
      assertThat(newestFirst).containsExactlyElementsOf(reversed);
    }
  }

  @Test
  void showsAContactAsRapidProsSerializerDoes() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(7, 600, 3, false, NOW);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      List<JsonNode> contacts = results(http.pages("/api/v2/contacts.json"));

      List<String> fieldKeys = workspace.contactFields().stream().map(ContactField::key).toList();
      for (JsonNode c : contacts) {
        assertThat(keys(c))
            .containsExactly(
                "uuid",
                "name",
                "status",
                "language",
                "urns",
                "groups",
                "notes",
                "fields",
                "flow",
                "created_on",
                "modified_on",
                "last_seen_on",
                "blocked",
                "stopped");
        assertThat(keys(c.get("fields"))).containsExactlyElementsOf(fieldKeys);
        assertThat(c.get("status").asText()).isIn("active", "blocked", "stopped", "archived");
        assertThat(c.get("blocked").asBoolean())
            .isEqualTo(c.get("status").asText().equals("blocked"));
        c.get("urns").forEach(urn -> assertThat(urn.asText()).matches("(tel:\\+|whatsapp:)\\d+"));
      }
      assertThat(contacts)
          .anyMatch(c -> c.get("fields").get("district").asText().matches("Rwanda > [^>]+ > [^>]+"))
          .anyMatch(c -> c.get("fields").get("state").asText().matches("Rwanda > [^>]+"))
          .anyMatch(c -> c.get("fields").get("ward").asText().matches("Rwanda( > [^>]+){3}"))
          .anyMatch(c -> c.get("fields").get("born").asText().matches("(19|20)\\d\\d"))
          .anyMatch(c -> c.get("fields").get("registration_date").asText().endsWith("+02:00"))
          .anyMatch(c -> c.get("fields").get("gender").asText().equals("Female"))
          .anyMatch(
              c -> keys(c.get("fields")).stream().allMatch(k -> c.get("fields").get(k).isNull()))
          .anyMatch(c -> c.get("last_seen_on").isNull())
          .anyMatch(c -> !c.get("groups").isEmpty());
    }
  }

  @Test
  void masksUrnsAndAddsRefInAnAnonymousWorkspace() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(7, 600, 3, true, NOW);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      List<JsonNode> contacts = results(http.pages("/api/v2/contacts.json"));

      for (JsonNode c : contacts) {
        assertThat(keys(c)).startsWith("uuid", "name", "ref", "anon_display", "status");
        assertThat(c.get("ref").asText())
            .matches("\\d{10}")
            .isEqualTo(c.get("anon_display").asText());
        c.get("urns").forEach(urn -> assertThat(urn.asText()).matches("(tel|whatsapp):\\*{8}"));
      }
      assertThat(contacts).anyMatch(c -> c.get("urns").size() == 1);
    }
  }

  @Test
  void deletedContactsAreListedOnlyWithDeletedTrue() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(7, 600, 3, false, NOW);
    String gone = workspace.contactSnapshot().get(17).uuid();
    Instant before = Instant.now();
    workspace.deleteContact(gone);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      List<JsonNode> active = results(http.pages("/api/v2/contacts.json"));
      List<JsonNode> deleted = results(http.pages("/api/v2/contacts.json?deleted=true"));

      assertThat(uuids(active)).hasSize(200).doesNotContain(gone);
      assertThat(uuids(deleted)).containsExactly(gone);
      JsonNode d = deleted.get(0);
      for (String nullField :
          List.of("name", "status", "language", "flow", "last_seen_on", "blocked", "stopped")) {
        assertThat(d.get(nullField).isNull()).as(nullField).isTrue();
      }
      assertThat(d.get("urns").isEmpty() && d.get("groups").isEmpty() && d.get("fields").isEmpty())
          .isTrue();
      assertThat(Instant.parse(d.get("modified_on").asText()))
          .isAfterOrEqualTo(before.minusMillis(1));
    }
  }

  @Test
  void filtersByUuidGroupAndInclusiveModifiedOnBounds() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(7, 900, 3, false, NOW);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      List<String> order = modifiedOrder(workspace);
      ContactRecord tenth =
          workspace.contactSnapshot().stream()
              .filter(c -> c.uuid().equals(order.get(10)))
              .findFirst()
              .orElseThrow();
      String at = encode(tenth.modifiedOn().toString());

      List<String> upTo =
          uuids(results(http.pages("/api/v2/contacts.json?reverse=true&before=" + at)));
      List<String> from =
          uuids(results(http.pages("/api/v2/contacts.json?reverse=true&after=" + at)));
      List<String> one = uuids(results(http.pages("/api/v2/contacts.json?uuid=" + tenth.uuid())));
      List<JsonNode> pilot =
          results(http.pages("/api/v2/contacts.json?group=" + encode("Pilot District")));
      List<JsonNode> nowhere = results(http.pages("/api/v2/contacts.json?group=Nobody"));

      assertThat(upTo).containsExactlyElementsOf(order.subList(0, 11));
      assertThat(from).containsExactlyElementsOf(order.subList(10, order.size()));
      assertThat(one).containsExactly(tenth.uuid());
      assertThat(pilot)
          .isNotEmpty()
          .allMatch(c -> c.get("fields").get("district").asText().endsWith("> Nyarugenge"))
          .allMatch(c -> c.get("status").asText().equals("active"));
      assertThat(nowhere).isEmpty();
    }
  }
}
