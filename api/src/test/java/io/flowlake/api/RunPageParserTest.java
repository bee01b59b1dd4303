package io.flowlake.api;

import static io.flowlake.api.RunJson.page;
import static io.flowlake.api.RunJson.run;
import static io.flowlake.api.RunJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunPageParserTest {

  private static final String URL = "https://textit.com/api/v2/runs.json?reverse=true";

  @Test
  void readsThePythonClientsRunsPage() {
    RunPage page = RunPageParser.parse(URL, Fixtures.bytes("rapidpro-python_v2_runs_page.json"));

    assertThat(page.url()).isEqualTo(URL);
    assertThat(page.next()).isNull();
    assertThat(page.rejects()).isEmpty();
    assertThat(page.runs()).hasSize(2);

    RunRecord water = page.runs().get(0);
    assertThat(water.uuid()).isEqualTo("0b6ed5cb-4b9f-422d-a53d-83965f93ff40");
    assertThat(water.id()).isNull();
    assertThat(water.flowName()).isEqualTo("Water Survey");
    assertThat(water.contact().name()).isEqualTo("Frank McFlow");
    assertThat(water.contact().urn()).isNull();
    assertThat(water.startUuid()).isEqualTo("93a624ad-5440-415e-b49f-17bf42754acb");
    assertThat(water.path()).hasSize(4);
    assertThat(water.path().get(0).node()).isEqualTo("27a86a1b-6cc4-4ae3-b73d-89650966a82f");
    assertThat(water.path().get(3).time()).isEqualTo(Instant.parse("2015-11-11T13:05:57.576056Z"));
    assertThat(water.values().keySet()).containsExactly("color", "reason");
    assertThat(water.values().get("color").category()).isEqualTo("Blue");
    assertThat(water.values().get("color").input()).isEqualTo("it is blue");
    assertThat(water.values().get("reason").value()).isEqualTo("Because it's the color of sky");
    assertThat(water.modifiedOn()).isEqualTo(Instant.parse("2015-08-26T10:05:47.516562Z"));
    assertThat(water.exitType()).isEqualTo("completed");

    RunRecord test = page.runs().get(1);
    assertThat(test.uuid()).isEqualTo("2e6b1a16-e30d-4285-8fb2-a51e48d09258");
    assertThat(test.startUuid()).isNull();
    assertThat(test.responded()).isFalse();
    assertThat(test.path()).isEmpty();
    assertThat(test.values()).isEmpty();
    assertThat(test.createdOn()).isEqualTo(Instant.parse("2015-05-22T06:31:52.463317Z"));
    assertThat(test.exitType()).isEqualTo("expired");
  }

  @Test
  void readsTheServersDocstringExample() {
    RunPage page =
        RunPageParser.parse(URL, Fixtures.bytes("rapidpro_runs_endpoint_docstring_example.json"));

    assertThat(page.next())
        .isEqualTo(
            "http://example.com/api/v2/runs.json?cursor=cD0yMDE1LTExLTExKzExJTNBM40NjQlMkIwMCUzRv");
    assertThat(page.runs()).hasSize(1);
    RunRecord run = page.runs().get(0);
    assertThat(run.uuid()).isEqualTo("0199c5c0-8f9b-76ea-a955-193ad8ed8606");
    assertThat(run.flowUuid()).isEqualTo("f5901b62-ba76-4003-9c62-72fdacc1b7b7");
    assertThat(run.contact())
        .isEqualTo(
            new Contact(
                "d33e9ad5-5c35-414c-abd4-e7451c69ff1d",
                "Bob McFlow",
                "tel:+12065551212",
                null,
                null));
    assertThat(run.startUuid()).isNull();
    assertThat(run.path()).isNull();
    assertThat(run.values().get("color").name()).isEqualTo("Color");
    assertThat(run.values().get("color").input()).isNull();
    assertThat(run.values().get("reason").time())
        .isEqualTo(Instant.parse("2015-11-11T13:05:57.576056Z"));
    assertThat(run.createdOn()).isEqualTo(Instant.parse("2015-11-11T13:05:57.457742Z"));
  }

  @Test
  void rejectsABadRecordWithItsExactTextAndKeepsItsNeighbours() {
    String bad =
        run("bbbbbbbb-0000-0000-0000-000000000002")
            .replace("\"Frank\"", "\"Zoë 🌍\"")
            .replace("\"completed\"", "\"vanished\"");
    String body =
        page(
            null,
            run("aaaaaaaa-0000-0000-0000-000000000001"),
            bad,
            run("cccccccc-0000-0000-0000-000000000003"));

    RunPage page = RunPageParser.parse(URL, utf8(body));

    assertThat(page.runs())
        .extracting(RunRecord::uuid)
        .containsExactly(
            "aaaaaaaa-0000-0000-0000-000000000001", "cccccccc-0000-0000-0000-000000000003");
    assertThat(page.rejects())
        .containsExactly(new RejectedRecord(bad, "unknown exit_type 'vanished'"));
  }

  @Test
  void rejectsABadRecordWhichFailsDeepInsideANestedValue() {
    String bad =
        run("bbbbbbbb-0000-0000-0000-000000000002").replace("\"Red\"", "[\"Red\", {\"x\": []}]");
    String body = page(null, bad, run("cccccccc-0000-0000-0000-000000000003"));

    RunPage page = RunPageParser.parse(URL, utf8(body));

    assertThat(page.rejects()).extracting(RejectedRecord::raw).containsExactly(bad);
    assertThat(page.rejects().get(0).reason())
        .isEqualTo("values.color.category must be a string, not an array");
    assertThat(page.runs()).hasSize(1);
  }

  @Test
  void rejectsResultsThatAreNotObjects() {
    String body = page(null, "42", "[1, [2]]", "null", run("cccccccc-0000-0000-0000-000000000003"));

    RunPage page = RunPageParser.parse(URL, utf8(body));

    assertThat(page.rejects())
        .extracting(RejectedRecord::raw)
        .containsExactly("42", "[1, [2]]", "null");
    assertThat(page.rejects().get(0).reason()).isEqualTo("run must be an object, not a number");
    assertThat(page.runs()).hasSize(1);
  }

  @Test
  void readsAnEmptyLastPage() {
    RunPage page =
        RunPageParser.parse(URL, utf8("{\"next\": null, \"previous\": null, \"results\": []}"));

    assertThat(page.runs()).isEmpty();
    assertThat(page.next()).isNull();
  }

  @Test
  void readsTheEnvelopeInAnyOrderIgnoringUnknownKeys() {
    String body =
        "{\"results\": ["
            + run("aaaaaaaa-0000-0000-0000-000000000001")
            + "], \"extra\": {\"a\": 1},"
            + " \"next\": \"https://textit.com/api/v2/runs.json?cursor=abc\"}";

    RunPage page = RunPageParser.parse(URL, utf8(body));

    assertThat(page.runs()).hasSize(1);
    assertThat(page.next()).isEqualTo("https://textit.com/api/v2/runs.json?cursor=abc");
  }

  @Test
  void callsAnHtmlPageMalformed() {
    byte[] html = utf8("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>");

    assertThatThrownBy(() -> RunPageParser.parse(URL, html))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("the response is not JSON: it looks like HTML");
  }

  @Test
  void callsATruncatedBodyMalformedEvenInsideARecord() {
    String body = page(null, run("aaaaaaaa-0000-0000-0000-000000000001"));
    byte[] cut = utf8(body.substring(0, body.indexOf("\"values\"") + 12));

    assertThatThrownBy(() -> RunPageParser.parse(URL, cut))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("the response body is truncated");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{\"next\": null, \"previous\": null}",
        "{\"next\": null, \"results\": {}}",
        "{\"next\": 5, \"results\": []}",
        "{\"next\": null, \"results\": []} trailing",
        "{\"next\": null, \"results\": [{\"uuid\": \"a\",, }]}"
      })
  void callsABodyThatIsNotARunsPageMalformed(String body) {
    assertThatThrownBy(() -> RunPageParser.parse(URL, utf8(body)))
        .isInstanceOf(MalformedResponseException.class);
  }
}
