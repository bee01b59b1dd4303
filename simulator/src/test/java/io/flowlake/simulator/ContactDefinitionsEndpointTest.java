package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.json;
import static io.flowlake.simulator.SimulatorHttp.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.NamedRef;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactDefinitionsEndpointTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void listsFieldsNewestFirstWithTheDeprecatedAliases() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(3, 300, 2, false, NOW);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      List<JsonNode> fields = results(http.pages("/api/v2/fields.json"));
      List<JsonNode> born = results(http.pages("/api/v2/fields.json?key=born"));

      assertThat(fields)
          .extracting(f -> f.get("key").asText())
          .containsExactly("registration_date", "ward", "district", "state", "born", "gender");
      assertThat(fields)
          .extracting(f -> f.get("type").asText())
          .containsExactly("datetime", "ward", "district", "state", "number", "text");
      assertThat(born).hasSize(1);
      JsonNode b = born.get(0);
      assertThat(b.get("name").asText()).isEqualTo("Born").isEqualTo(b.get("label").asText());
      assertThat(b.get("value_type").asText()).isEqualTo("numeric");
      assertThat(b.get("usages").get("groups").asInt()).isEqualTo(1);
    }
  }

  @Test
  void groupCountsAreTheMembersInTheContactsTruthBeforeAndAfterChanges() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(3, 3000, 2, false, NOW);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      assertThat(served(http)).isEqualTo(members(workspace)).containsKey("U-Reporters");
      workspace.moveContacts(40);
      workspace.deleteContact(workspace.contactSnapshot().get(5).uuid());
      assertThat(served(http)).isEqualTo(members(workspace));
      assertThat(workspace.contactGroups())
          .extracting(ContactGroup::name)
          .containsExactly("Open Tickets", "U-Reporters", "Youth", "Pilot District");
    }
  }

  @Test
  void listsGroupsNewestFirstAndRefusesUuidWithName() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(3, 300, 2, false, NOW);
    try (SimulatorServer server = SimulatorServer.start(workspace, SimulatorOptions.defaults())) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      List<JsonNode> groups = results(http.pages("/api/v2/groups.json"));
      List<JsonNode> youth = results(http.pages("/api/v2/groups.json?name=youth"));
      HttpResponse<String> both =
          http.get("/api/v2/groups.json?name=Youth&uuid=" + groups.get(0).get("uuid").asText());

      assertThat(groups)
          .extracting(g -> g.get("name").asText())
          .containsExactly("Pilot District", "Youth", "U-Reporters", "Open Tickets");
      JsonNode tickets = groups.get(3);
      assertThat(tickets.get("system").asBoolean()).isTrue();
      assertThat(tickets.get("query").asText()).isEqualTo("tickets > 0");
      assertThat(groups.get(2).get("query").isNull()).isTrue();
      assertThat(youth)
          .singleElement()
          .satisfies(g -> assertThat(g.get("query").asText()).isEqualTo("born >= 2001"));
      assertThat(both.statusCode()).isEqualTo(400);
      assertThat(json(both).toString())
          .contains("You may only specify one of the uuid, name parameters");
    }
  }

  private static Map<String, Long> served(SimulatorHttp http) {
    Map<String, Long> counts = new HashMap<>();
    for (JsonNode g : results(http.pages("/api/v2/groups.json"))) {
      if (g.get("count").asLong() > 0) {
        counts.put(g.get("name").asText(), g.get("count").asLong());
      }
    }
    return counts;
  }

  private static Map<String, Long> members(Workspace workspace) {
    Map<String, Long> counts = new HashMap<>();
    for (ContactRecord c : workspace.contactSnapshot()) {
      for (NamedRef g : c.groups()) {
        counts.merge(g.name(), 1L, Long::sum);
      }
    }
    return counts;
  }
}
