package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.json;
import static io.flowlake.simulator.SimulatorHttp.results;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static SimulatorServer start(int runs) throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(9, runs, 3, false, Instant.now());
    return SimulatorServer.start(workspace, SimulatorOptions.defaults());
  }

  @Test
  void queuedFaultsAnswerTheNextRunsRequestsInOrder() throws IOException {
    try (SimulatorServer server = start(600)) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      server
          .faults()
          .enqueue(Fault.serverError(500), Fault.serverError(502), Fault.serverError(503));
      server.faults().enqueue(Fault.throttled(7), Fault.throttledWithoutRetryAfter());
      server.faults().enqueue(Fault.htmlPage(), Fault.truncatedJson(), Fault.droppedConnection());

      List<HttpResponse<String>> answers = new ArrayList<>();
      for (int k = 0; k < 7; k++) {
        answers.add(http.get("/api/v2/runs.json"));
      }
      // java.net.http silently retries a GET once when a pooled connection closes unanswered,
      // so the dropped connection is checked on a raw socket.
      assertThat(rawAnswer(server)).isEmpty();
      HttpResponse<String> recovered = http.get("/api/v2/runs.json");

      assertThat(answers)
          .extracting(HttpResponse::statusCode)
          .containsExactly(500, 502, 503, 429, 429, 200, 200);
      assertThat(answers.get(0).body())
          .isEqualTo("Server Error. Site administrators have been notified.");
      assertThat(answers.get(1).body()).contains("502 Bad Gateway");
      assertThat(answers.get(3).headers().firstValue("Retry-After")).contains("7");
      assertThat(answers.get(4).headers().firstValue("Retry-After")).isEmpty();
      assertThat(answers.get(4).body()).isEqualTo("{\"detail\":\"Request was throttled.\"}");
      assertThat(answers.get(5).body()).startsWith("<!DOCTYPE html>");
      assertThatThrownBy(() -> SimulatorHttp.MAPPER.readTree(answers.get(6).body()))
          .isInstanceOf(IOException.class);
      assertThat(answers.get(6).body()).startsWith("{\"next\":");
      assertThat(recovered.statusCode()).isEqualTo(200);
      assertThat(server.faults().pending()).isZero();
      assertThat(server.requests().all())
          .extracting(LoggedRequest::status)
          .containsExactly(500, 502, 503, 429, 429, 200, 200, 0, 200);
    }
  }

  /** Whatever the server sends back on a fresh connection before it closes it. */
  private static byte[] rawAnswer(SimulatorServer server) throws IOException {
    try (Socket socket = new Socket(server.url().getHost(), server.url().getPort())) {
      socket.setSoTimeout(10_000);
      String request =
          "GET /api/v2/runs.json HTTP/1.1\r\nHost: "
              + server.url().getAuthority()
              + "\r\nAuthorization: Token "
              + SimulatorOptions.DEFAULT_TOKEN
              + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return socket.getInputStream().readAllBytes();
    }
  }

  @Test
  void faultsOnlyHitTheRunsEndpoint() throws IOException {
    try (SimulatorServer server = start(50)) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      server.faults().enqueue(2, Fault.serverError(503));

      assertThat(http.get("/api/v2/flows.json").statusCode()).isEqualTo(200);
      assertThat(http.get("/api/v2/runs.json").statusCode()).isEqualTo(503);
      assertThat(server.faults().pending()).isEqualTo(1);
      server.faults().clear();
      assertThat(http.get("/api/v2/runs.json").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aTestCanChangeRunsWhileAPullIsUnderWay() throws IOException {
    try (SimulatorServer server = start(3000)) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      Workspace workspace = server.workspace();
      List<RunRecord> atStart = workspace.snapshot();
      Instant t0 =
          atStart.stream().map(RunRecord::modifiedOn).max(Instant::compareTo).orElseThrow();
      List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
      Set<String> modified = Collections.synchronizedSet(new HashSet<>());
      server.onRunsRequest(
          n -> {
            seen.add(n);
            if (n == 3) {
              modified.addAll(workspace.modifyRuns(40));
            }
          });

      List<JsonNode> pulled =
          results(
              http.pages(
                  "/api/v2/runs.json?reverse=true&before=" + SimulatorHttp.encode(t0.toString())));

      assertThat(seen).startsWith(1, 2, 3, 4);
      assertThat(modified).hasSize(40);
      Set<String> uuids = new HashSet<>();
      pulled.forEach(r -> uuids.add(r.get("uuid").asText()));
      assertThat(uuids).hasSize(pulled.size());
      // a run changed mid-pull moves past T0: it is either read before it changed, or missed
      for (RunRecord run : atStart) {
        assertThat(uuids.contains(run.uuid()) || modified.contains(run.uuid()))
            .as(run.uuid())
            .isTrue();
      }
      assertThat(pulled).allMatch(r -> !Instant.parse(r.get("modified_on").asText()).isAfter(t0));
    }
  }

  @Test
  void theRequestLogKeepsPathsAndStatusesButNeverTheToken() throws IOException {
    try (SimulatorServer server = start(50)) {
      SimulatorHttp http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
      http.get("/api/v2/runs.json?paths=false");
      http.get("/api/v2/runs.json", "Token " + SimulatorOptions.DEFAULT_TOKEN + "x");

      assertThat(server.requests().all())
          .extracting(LoggedRequest::pathAndQuery, LoggedRequest::status)
          .containsExactly(
              tuple("/api/v2/runs.json?paths=false", 200), tuple("/api/v2/runs.json", 403));
      assertThat(server.requests().all().toString()).doesNotContain(SimulatorOptions.DEFAULT_TOKEN);
      server.requests().clear();
      assertThat(server.requests().size()).isZero();
      assertThat(json(http.get("/api/v2/runs.json")).get("results")).hasSize(50);
    }
  }
}
