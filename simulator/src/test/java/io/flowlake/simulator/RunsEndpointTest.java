package io.flowlake.simulator;

import static io.flowlake.simulator.SimulatorHttp.encode;
import static io.flowlake.simulator.SimulatorHttp.json;
import static io.flowlake.simulator.SimulatorHttp.results;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RunsEndpointTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Comparator<RunRecord> MODIFIED_ORDER =
      Comparator.comparing(RunRecord::modifiedOn).thenComparing(RunRecord::id);

  private static SimulatorServer server;
  private static SimulatorHttp http;
  private static List<RunRecord> truth;

  @BeforeAll
  static void start() throws IOException {
    Workspace workspace = WorkspaceGenerator.generate(11, 5000, 6, false, NOW);
    server = SimulatorServer.start(workspace, SimulatorOptions.defaults());
    http = new SimulatorHttp(server.url(), SimulatorOptions.DEFAULT_TOKEN);
    truth = workspace.snapshot();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode expected(RunRecord run) throws IOException {
    return SimulatorHttp.MAPPER.readTree(new RunJson(false).toJson(run, true));
  }

  @Test
  void followingNextFromReverseBeforeReturnsEveryRunOnceInModifiedOrder() throws IOException {
    String before = encode(NOW.toString());

    List<JsonNode> runs = results(http.pages("/api/v2/runs.json?reverse=true&before=" + before));

    List<RunRecord> ordered = truth.stream().sorted(MODIFIED_ORDER).toList();
    assertThat(runs).hasSize(ordered.size());
    for (int k = 0; k < runs.size(); k++) {
      assertThat(runs.get(k)).isEqualTo(expected(ordered.get(k)));
    }
  }

  @Test
  void defaultOrderIsNewestFirst() {
    JsonNode page = json(http.get("/api/v2/runs.json"));

    List<Long> ids =
        truth.stream().sorted(MODIFIED_ORDER.reversed()).limit(250).map(RunRecord::id).toList();
    assertThat(page.get("results")).hasSize(250);
    assertThat(page.get("results").findValues("id").stream().map(JsonNode::asLong).toList())
        .isEqualTo(ids);
    assertThat(page.get("previous").isNull()).isTrue();
  }

  @Test
  void aBulkInterruptLargerThanAPageIsPagedOnceAcrossBoundaries() {
    Map<Instant, Long> byModified =
        truth.stream().collect(Collectors.groupingBy(RunRecord::modifiedOn, Collectors.counting()));
    Instant tie =
        byModified.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    String at = encode(tie.toString());

    List<JsonNode> pages = http.pages("/api/v2/runs.json?after=" + at + "&before=" + at);

    assertThat(byModified.get(tie)).isGreaterThan(600);
    assertThat(pages.size()).isGreaterThan(2);
    List<Long> ids = results(pages).stream().map(r -> r.get("id").asLong()).toList();
    assertThat(ids)
        .doesNotHaveDuplicates()
        .hasSize(byModified.get(tie).intValue())
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void afterAndBeforeAreInclusiveOnAnExactBoundary() {
    RunRecord run = truth.get(1234);
    String exact =
        encode(
            json(http.get("/api/v2/runs.json?uuid=" + run.uuid()))
                .get("results")
                .get(0)
                .get("modified_on")
                .asText());

    List<JsonNode> upTo = results(http.pages("/api/v2/runs.json?before=" + exact));
    List<JsonNode> from = results(http.pages("/api/v2/runs.json?after=" + exact));

    assertThat(upTo).anyMatch(r -> r.get("uuid").asText().equals(run.uuid()));
    assertThat(from).anyMatch(r -> r.get("uuid").asText().equals(run.uuid()));
    assertThat(upTo.size() + from.size())
        .isEqualTo(
            truth.size()
                + (int)
                    truth.stream().filter(r -> r.modifiedOn().equals(run.modifiedOn())).count());
  }

  @Test
  void unparseableAfterGivesAnEmptyPageNotAnError() {
    for (String bad : List.of("thefuture", "2026-01-01T00:00:00+00:00", "2026-13-01")) {
      HttpResponse<String> response = http.get("/api/v2/runs.json?after=" + bad);

      assertThat(response.statusCode()).as(bad).isEqualTo(200);
      assertThat(json(response).get("results")).as(bad).isEmpty();
      assertThat(json(response).get("next").isNull()).isTrue();
    }
  }

  @Test
  void pathsFalseGivesNullPaths() {
    JsonNode page = json(http.get("/api/v2/runs.json?paths=false"));

    assertThat(page.get("results")).allMatch(r -> r.get("path").isNull());
    assertThat(page.get("next").asText()).contains("paths=false");
  }

  @Test
  void nextIsAnAbsoluteUrlCarryingEveryOtherParameter() {
    String before = NOW.toString();
    JsonNode page =
        json(http.get("/api/v2/runs.json?reverse=true&paths=false&before=" + encode(before)));

    String next = page.get("next").asText();
    assertThat(next)
        .startsWith(server.url() + "/api/v2/runs.json?before=2026-03-01T12%3A00%3A00Z&cursor=")
        .endsWith("&paths=false&reverse=true");
  }

  @Test
  void wrongOrMissingTokenIsForbiddenWithRapidProsBody() {
    HttpResponse<String> wrong = http.get("/api/v2/runs.json", "Token nope");
    HttpResponse<String> missing = http.get("/api/v2/runs.json", null);
    HttpResponse<String> right = http.get("/api/v2/runs.json");

    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).isEqualTo("{\"detail\":\"Invalid token\"}");
    assertThat(wrong.headers().firstValue("X-Temba-Workspace")).isEmpty();
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(json(missing).get("detail").asText())
        .isEqualTo("Authentication credentials were not provided.");
    assertThat(right.headers().firstValue("X-Temba-Workspace")).contains(server.workspace().uuid());
  }

  @Test
  void flowAndContactTogetherIsABadRequest() {
    RunRecord run = truth.get(0);
    HttpResponse<String> response =
        http.get("/api/v2/runs.json?flow=" + run.flowUuid() + "&contact=" + run.contact().uuid());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asText())
        .isEqualTo("You may only specify one of the contact, flow parameters");
  }

  @Test
  void uuidThatIsNotAUuidIsABadRequest() {
    HttpResponse<String> response = http.get("/api/v2/runs.json?uuid=abc");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asText())
        .isEqualTo("Param 'uuid': abc is not a valid UUID.");
  }

  @Test
  void malformedCursorIsNotFound() {
    HttpResponse<String> response = http.get("/api/v2/runs.json?cursor=abcde");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid cursor\"}");
  }

  @Test
  void filtersSelectTheRunsOfTheTruth() {
    RunRecord run = truth.get(77);
    long flowRuns = truth.stream().filter(r -> r.flowUuid().equals(run.flowUuid())).count();
    long contactRuns =
        truth.stream().filter(r -> r.contact().uuid().equals(run.contact().uuid())).count();
    long responded = truth.stream().filter(RunRecord::responded).count();

    assertThat(results(http.pages("/api/v2/runs.json?flow=" + run.flowUuid())))
        .hasSize((int) flowRuns);
    assertThat(results(http.pages("/api/v2/runs.json?contact=" + run.contact().uuid())))
        .hasSize((int) contactRuns);
    assertThat(results(http.pages("/api/v2/runs.json?responded=TrUe"))).hasSize((int) responded);
    assertThat(results(http.pages("/api/v2/runs.json?responded=false"))).hasSize(truth.size());
    assertThat(results(http.pages("/api/v2/runs.json?uuid=" + run.uuid())))
        .singleElement()
        .satisfies(r -> assertThat(r.get("id").asLong()).isEqualTo(run.id()));
    assertThat(json(http.get("/api/v2/runs.json?flow=" + UUID.randomUUID())).get("results"))
        .isEmpty();
  }

  @Test
  void timestampsAreFormattedAsTheRealServerDoes() {
    RunRecord zero =
        truth.stream().filter(r -> r.modifiedOn().getNano() == 0).findFirst().orElseThrow();
    JsonNode run = json(http.get("/api/v2/runs.json?uuid=" + zero.uuid())).get("results").get(0);

    assertThat(run.get("modified_on").asText())
        .isEqualTo(zero.modifiedOn().truncatedTo(ChronoUnit.SECONDS).toString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(run.get("created_on").asText()).matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
    assertThat(run.get("path"))
        .allMatch(s -> s.get("time").asText().matches(".*:\\d\\d\\.\\d{6}Z"));
  }

  @Test
  void withoutTheJsonSuffixTheServerAnswersItsHtmlDocs() {
    HttpResponse<String> docs = http.get("/api/v2/runs", null);
    HttpResponse<String> unknown = http.get("/api/v2/nothing.json");

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(docs.body()).contains("<html");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("detail").asText()).isEqualTo("Not found.");
  }
}
