package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThrottleTest {
  private static final Pattern THROTTLED =
      Pattern.compile("Request was throttled\\. Expected available in (\\d+) seconds\\.");

  private static SimulatorServer start(SimulatorOptions options) throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(5, 300, 2, false, Instant.now());
    return SimulatorServer.start(workspace, options);
  }

  @Test
  void afterTheHourlyBudgetRequestsGet429WithRetryAfter() throws IOException {
    try (SimulatorServer server = start(SimulatorOptions.defaults().withRequestsPerHour(3))) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      for (int k = 0; k < 3; k++) {
        assertThat(http.get("/api/v2/runs.json").statusCode()).isEqualTo(200);
      }

      HttpResponse<String> refused = http.get("/api/v2/runs.json");

      assertThat(refused.statusCode()).isEqualTo(429);
      Matcher detail = THROTTLED.matcher(json(refused).get("detail").asText());
      assertThat(detail.matches()).isTrue();
      long wait = Long.parseLong(detail.group(1));
      assertThat(wait).isBetween(3590L, 3600L);
      assertThat(refused.headers().firstValue("Retry-After")).contains(Long.toString(wait));
      assertThat(refused.headers().firstValue("X-Temba-Workspace")).isPresent();
    }
  }

  @Test
  void refusedRequestsDoNotUseTheBudgetAndScopesAreSeparate() throws IOException {
    try (SimulatorServer server = start(SimulatorOptions.defaults().withRequestsPerHour(2))) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      http.get("/api/v2/runs.json");
      http.get("/api/v2/runs.json");
      http.get("/api/v2/runs.json");

      assertThat(http.get("/api/v2/flows.json").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v2/archives.json").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v2/flows.json").statusCode()).isEqualTo(429);
      assertThat(server.requests().all())
          .extracting(LoggedRequest::status)
          .containsExactly(200, 200, 429, 200, 200, 429);
    }
  }

  @Test
  void contactsHaveTheirOwnScopeAndFieldsAndGroupsShareTheDefaultOne() throws IOException {
    try (SimulatorServer server = start(SimulatorOptions.defaults().withRequestsPerHour(2))) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      http.get("/api/v2/runs.json");
      http.get("/api/v2/runs.json");

      assertThat(http.get("/api/v2/contacts.json").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v2/contacts.json?deleted=true").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v2/contacts.json").statusCode()).isEqualTo(429);
      assertThat(http.get("/api/v2/fields.json").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v2/groups.json").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v2/archives.json").statusCode()).isEqualTo(429);
    }
  }

  @Test
  void retryAfterCanBeLeftOutAsSomeServersDo() throws IOException {
    SimulatorOptions options =
        SimulatorOptions.defaults().withRequestsPerHour(1).withRetryAfterHeader(false);
    try (SimulatorServer server = start(options)) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      http.get("/api/v2/runs.json");

      HttpResponse<String> refused = http.get("/api/v2/runs.json");

      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).isEmpty();
    }
  }

  @Test
  void badTokensAreRefusedBeforeTheThrottleCounts() throws IOException {
    try (SimulatorServer server = start(SimulatorOptions.defaults().withRequestsPerHour(1))) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);

      assertThat(http.get("/api/v2/runs.json", "Token wrong").statusCode()).isEqualTo(403);
      assertThat(http.get("/api/v2/runs.json").statusCode()).isEqualTo(200);
    }
  }
}
