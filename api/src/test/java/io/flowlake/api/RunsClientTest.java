package io.flowlake.api;

import static io.flowlake.api.RunJson.page;
import static io.flowlake.api.RunJson.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RunsClientTest {

  static final String TOKEN = "5ec7e7t0ken5ec7e7t0ken5ec7e7t0ken5ec7e7t0";
  static final ApiConfig CONFIG = ApiConfig.builder("https://textit.com").token(TOKEN).build();
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final URI FIRST = RunsQuery.between(null, T0).firstPage(CONFIG.api());
  static final String SECOND = "https://textit.com/api/v2/runs.json?cursor=cD0yMDE1&reverse=true";
  static final String THIRD = "https://textit.com/api/v2/runs.json?cursor=cD0yMDE2&reverse=true";
  static final String HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>";

  final ScriptedTransport transport = new ScriptedTransport();
  final FakeClock clock = FakeClock.advancing();
  final CountingBudget budget = new CountingBudget();

  @Test
  void followsNextLazilyOneRequestPerPage() {
    transport
        .answer(200, page(SECOND, run(uuid(1)), run(uuid(2))))
        .answer(200, page(THIRD, run(uuid(3))))
        .answer(200, page(null));
    RunsClient client = client();

    Iterator<RunPage> pages = client.pages(RunsQuery.between(null, T0));
    assertThat(transport.requested).isEmpty();

    RunPage first = pages.next();
    assertThat(transport.requested).hasSize(1);
    assertThat(first.url()).isEqualTo(FIRST.toString());
    assertThat(first.next()).isEqualTo(SECOND);
    assertThat(first.runs()).extracting(RunRecord::uuid).containsExactly(uuid(1), uuid(2));

    List<RunPage> rest = new ArrayList<>();
    pages.forEachRemaining(rest::add);
    assertThat(rest).extracting(RunPage::url).containsExactly(SECOND, THIRD);
    assertThat(transport.requested).containsExactly(FIRST, URI.create(SECOND), URI.create(THIRD));
    assertThat(client.stats().pages()).isEqualTo(3);
    assertThat(client.stats().runs()).isEqualTo(3);
    assertThat(client.stats().requests()).isEqualTo(3);
    assertThat(client.stats().bytes()).isPositive();
  }

  @Test
  void sendsTheTokenOnlyInTheAuthorizationHeader() {
    transport.answer(200, page(null));

    client().pages(RunsQuery.between(null, T0)).next();

    assertThat(transport.headersSent.get(0))
        .isEqualTo(
            Map.of(
                "Authorization", "Token " + TOKEN,
                "Accept", "application/json",
                "User-Agent", "flowlake/0.1"));
    assertThat(transport.requested.get(0).toString()).doesNotContain(TOKEN);
  }

  @Test
  void keepsRejectsOfAPageAndCountsThem() {
    String bad = run(uuid(2)).replace("\"completed\"", "\"gone\"");
    transport.answer(200, page(null, run(uuid(1)), bad));
    RunsClient client = client();

    RunPage page = client.pages(RunsQuery.between(null, T0)).next();

    assertThat(page.rejects()).extracting(RejectedRecord::raw).containsExactly(bad);
    assertThat(client.stats().rejects()).isEqualTo(1);
    assertThat(client.stats().runs()).isEqualTo(1);
  }

  @Test
  void retriesAnHtmlOrTruncatedBodyAndRecovers() {
    String good = page(null, run(uuid(1)));
    transport.answer(200, HTML).answer(200, good.substring(0, good.length() / 2)).answer(200, good);
    RunsClient client = client();

    RunPage page = client.pages(RunsQuery.between(null, T0)).next();

    assertThat(page.runs()).hasSize(1);
    assertThat(client.stats().retries()).isEqualTo(2);
    assertThat(clock.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(budget.acquired).isEqualTo(3);
  }

  @Test
  void givesUpOnHtmlAfterMaxAttemptsWithAClearMessage() {
    transport.answer(200, HTML, 5);
    Iterator<RunPage> pages = client().pages(RunsQuery.between(null, T0));

    assertThatThrownBy(pages::next)
        .isInstanceOf(ApiUnavailableException.class)
        .hasMessage(
            "GET "
                + FIRST
                + " failed after 5 attempts: the response is not JSON: it looks like HTML; check"
                + " that textit.com is a RapidPro server and reachable");
    assertThat(transport.exhausted()).isTrue();
  }

  @Test
  void recoversFromABurstOf5xxWithoutLosingRuns() {
    transport
        .answer(200, page(SECOND, run(uuid(1))))
        .answer(502, HTML)
        .answer(503, "")
        .answer(504, "")
        .answer(200, page(null, run(uuid(2))));
    RunsClient client = client();

    List<RunRecord> runs = allRuns(client.pages(RunsQuery.between(null, T0)));

    assertThat(runs).extracting(RunRecord::uuid).containsExactly(uuid(1), uuid(2));
    assertThat(client.stats().retries()).isEqualTo(3);
    assertThat(client.stats().requests()).isEqualTo(5);
    assertThat(transport.requested.subList(1, 5)).containsOnly(URI.create(SECOND));
  }

  @Test
  void waitsOutA429WithRetryAfterSecondsAndLosesNothing() {
    transport
        .answer(200, page(SECOND, run(uuid(1))))
        .answer(429, "{\"detail\": \"Request was throttled.\"}", "Retry-After", "37")
        .answer(200, page(null, run(uuid(2))));
    RunsClient client = client();

    List<RunRecord> runs = allRuns(client.pages(RunsQuery.between(null, T0)));

    assertThat(runs).extracting(RunRecord::uuid).containsExactly(uuid(1), uuid(2));
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(37));
    assertThat(client.stats().throttled()).isEqualTo(1);
    assertThat(client.stats().retries()).isZero();
    assertThat(budget.acquired).isEqualTo(3);
  }

  @Test
  void waitsUntilA429sHttpDate() {
    Clock now = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    transport
        .answer(429, "", "Retry-After", "Sun, 01 Mar 2026 12:02:05 GMT")
        .answer(200, page(null, run(uuid(1))));
    RunsClient client = new RunsClient(CONFIG, transport, budget, clock, new Random(1), now);

    assertThat(client.pages(RunsQuery.between(null, T0)).next().runs()).hasSize(1);
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(125));
  }

  @Test
  void waitsTheFallbackWhenA429HasNoRetryAfter() {
    transport.answer(429, "").answer(429, "").answer(200, page(null, run(uuid(1))));

    assertThat(client().pages(RunsQuery.between(null, T0)).next().runs()).hasSize(1);
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  @Test
  void throttlingDoesNotUseUpTheAttemptsFor5xx() {
    for (int i = 0; i < 4; i++) {
      transport.answer(500, "").answer(429, "", "Retry-After", "1");
    }
    transport.answer(200, page(null, run(uuid(1))));

    assertThat(client().pages(RunsQuery.between(null, T0)).next().runs()).hasSize(1);
  }

  @Test
  void doesNotRetryARejectedToken() {
    transport.answer(403, "{\"detail\": \"Invalid token\"}");
    RunsClient client = client();
    Iterator<RunPage> pages = client.pages(RunsQuery.between(null, T0));

    assertThatThrownBy(pages::next)
        .isInstanceOf(TokenRejectedException.class)
        .hasMessage(
            "token rejected by textit.com (HTTP 403 Invalid token): check RAPIDPRO_TOKEN or"
                + " --token-file");
    assertThat(transport.requested).hasSize(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void reportsABadRequestWithItsUrlAndTheServersReason() {
    transport.answer(400, "[\"You may only specify one of the contact, flow parameters\"]");
    Iterator<RunPage> pages = client().pages(RunsQuery.between(null, T0));

    assertThatThrownBy(pages::next)
        .isInstanceOf(ApiRequestException.class)
        .hasMessage(
            "GET "
                + FIRST
                + " answered HTTP 400: You may only specify one of the contact, flow parameters")
        .hasMessageNotContaining(TOKEN);
    assertThat(transport.requested).hasSize(1);
  }

  @Test
  void retriesTimeoutsThenNamesAnUnreachableHost() {
    transport
        .fail(new HttpTimeoutException("request timed out"), 2)
        .fail(new ConnectException(), 3);
    Iterator<RunPage> pages = client().pages(RunsQuery.between(null, T0));

    assertThatThrownBy(pages::next)
        .isInstanceOf(ApiUnavailableException.class)
        .hasMessageContaining("failed after 5 attempts: connection refused;")
        .hasMessageEndingWith("textit.com is unreachable: check --api and that the server is up");
    assertThat(budget.acquired).isEqualTo(5);
  }

  @Test
  void refusesANextLinkToAnotherHostSchemeOrPort() {
    for (String foreign :
        List.of(
            "https://evil.example/api/v2/runs.json?cursor=x",
            "http://textit.com/api/v2/runs.json?cursor=x",
            "https://textit.com:8443/api/v2/runs.json?cursor=x")) {
      ScriptedTransport scripted = new ScriptedTransport().answer(200, page(foreign, run(uuid(1))));
      RunsClient client = new RunsClient(CONFIG, scripted, budget, clock, new Random(1));
      Iterator<RunPage> pages = client.pages(RunsQuery.between(null, T0));

      assertThatThrownBy(pages::next)
          .isInstanceOf(UnsafeLinkException.class)
          .hasMessageContaining("refusing to send the token there");
      assertThat(scripted.requested).containsExactly(FIRST);
    }
  }

  @Test
  void acceptsANextLinkThatSpellsTheDefaultPort() {
    transport
        .answer(200, page("https://TEXTIT.com:443/api/v2/runs.json?cursor=x", run(uuid(1))))
        .answer(200, page(null));

    assertThat(allRuns(client().pages(RunsQuery.between(null, T0)))).hasSize(1);
  }

  @Test
  void stopsWhenTheCursorIsStuck() {
    transport.answer(200, page(SECOND, run(uuid(1)))).answer(200, page(SECOND, run(uuid(2))));
    Iterator<RunPage> pages = client().pages(RunsQuery.between(null, T0));
    pages.next();

    assertThatThrownBy(pages::next)
        .isExactlyInstanceOf(ApiException.class)
        .hasMessageContaining("names itself as the next page")
        .hasMessageContaining("100,000 runs share one modified_on");
  }

  @Test
  void resumesFromAStoredNextLink() {
    transport.answer(200, page(null, run(uuid(7))));

    Iterator<RunPage> pages = client().pagesFrom(URI.create(SECOND));

    assertThat(pages.next().runs()).extracting(RunRecord::uuid).containsExactly(uuid(7));
    assertThat(transport.requested).containsExactly(URI.create(SECOND));
    assertThatThrownBy(() -> client().pagesFrom(URI.create("https://evil.example/x")))
        .isInstanceOf(UnsafeLinkException.class);
  }

  @Test
  void listsFlowsAcrossPages() {
    String next = "https://textit.com/api/v2/flows.json?cursor=abc";
    transport
        .answer(
            200,
            FlowListingParserTest.FLOWS_PAGE.replace(
                "\"next\": null", "\"next\": \"" + next + "\""))
        .answer(200, "{\"next\": null, \"previous\": null, \"results\": []}");

    List<FlowSummary> flows = client().flows();

    assertThat(flows).extracting(FlowSummary::name).containsExactly("Survey");
    assertThat(transport.requested)
        .containsExactly(URI.create("https://textit.com/api/v2/flows.json"), URI.create(next));
  }

  @Test
  void asksForFlowsOnTheDefaultScopesBudgetAndForRunsOnTheirOwn() {
    CountingBudget flowsBudget = new CountingBudget();
    transport.answer(200, FlowListingParserTest.FLOWS_PAGE).answer(200, page(null, run(uuid(1))));
    RunsClient client =
        new RunsClient(
            CONFIG, transport, budget, flowsBudget, clock, new HalfJitter(), Clock.systemUTC());

    client.flows();
    allRuns(client.pages(RunsQuery.between(null, T0)));

    assertThat(flowsBudget.acquired).as("flows.json: scope v2").isEqualTo(1);
    assertThat(budget.acquired).as("runs.json: scope v2.runs").isEqualTo(1);
    assertThat(client.stats().requests()).isEqualTo(2);
  }

  @Test
  void refusesWorkAfterClose() {
    transport.answer(200, page(SECOND, run(uuid(1))));
    RunsClient client = client();
    Iterator<RunPage> pages = client.pages(RunsQuery.between(null, T0));
    pages.next();

    client.close();
    client.close();

    assertThatThrownBy(pages::next).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.pages(RunsQuery.between(null, T0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stopsWhenInterruptedWhileWaiting() {
    transport.answer(503, "");
    Sleeper interrupted =
        duration -> {
          throw new InterruptedException();
        };
    RunsClient client = new RunsClient(CONFIG, transport, budget, interrupted, new Random(1));
    Iterator<RunPage> pages = client.pages(RunsQuery.between(null, T0));

    try {
      assertThatThrownBy(pages::next)
          .isInstanceOf(ApiException.class)
          .hasMessage("GET " + FIRST + " was interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private RunsClient client() {
    return new RunsClient(CONFIG, transport, budget, clock, new HalfJitter());
  }

  private static List<RunRecord> allRuns(Iterator<RunPage> pages) {
    List<RunRecord> runs = new ArrayList<>();
    pages.forEachRemaining(page -> runs.addAll(page.runs()));
    return runs;
  }

  static String uuid(int n) {
    return "00000000-0000-4000-8000-%012d".formatted(n);
  }

  /** Counts acquisitions: every request, retries included, must ask the budget first. */
  static final class CountingBudget implements RequestBudget {
    int acquired;

    @Override
    public void acquire() {
      acquired++;
    }
  }

  static final class HalfJitter extends Random {
    @Override
    public double nextDouble() {
      return 0.5;
    }
  }
}
