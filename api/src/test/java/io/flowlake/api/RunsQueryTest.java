package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowlake.config.ConfigException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunsQueryTest {

  private static final URI API = URI.create("https://textit.com");
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final String FLOW = "f5901b62-ba76-4003-9c62-72fdacc1b7b7";
  private static final String CONTACT = "d33e9ad5-5c35-414c-abd4-e7451c69ff1d";

  @Test
  void firstPageIsOldestFirstUpToTheFixedBeforeInEncodedZForm() {
    URI url = RunsQuery.between(null, T0).firstPage(API);

    assertThat(url)
        .hasToString(
            "https://textit.com/api/v2/runs.json?reverse=true"
                + "&before=2026-03-01T12%3A00%3A00.000000Z&paths=true");
  }

  @Test
  void addsAfterAndOnlyTheFiltersThatAreSet() {
    Instant after = Instant.parse("2026-02-28T23:50:00.123456Z");
    RunsQuery query = new RunsQuery(after, T0, false, FLOW, null, null, true);

    assertThat(query.firstPage(API))
        .hasToString(
            "https://textit.com/api/v2/runs.json?reverse=true"
                + "&before=2026-03-01T12%3A00%3A00.000000Z"
                + "&after=2026-02-28T23%3A50%3A00.123456Z"
                + "&paths=false&flow="
                + FLOW
                + "&responded=true");
  }

  @Test
  void keepsAServerPathPrefix() {
    RunsQuery query = new RunsQuery(null, T0, true, null, CONTACT, null, false);

    assertThat(query.firstPage(URI.create("https://rp.example.org/rapidpro")).toString())
        .startsWith("https://rp.example.org/rapidpro/api/v2/runs.json?reverse=true&")
        .endsWith("&contact=" + CONTACT);
  }

  @Test
  void refusesFlowTogetherWithContactBecauseTheApiAnswers400() {
    assertThatThrownBy(() -> new RunsQuery(null, T0, true, FLOW, CONTACT, null, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot be combined");
  }

  @Test
  void refusesFiltersThatAreNotUuids() {
    assertThatThrownBy(() -> new RunsQuery(null, T0, true, "Favorite Color", null, null, false))
        .isInstanceOf(ConfigException.class)
        .hasMessage("flow 'Favorite Color' is not a UUID: expected 8-4-4-4-12 hex digits");
  }

  @Test
  void treatsBlankFiltersAsAbsent() {
    RunsQuery query = new RunsQuery(null, T0, true, " ", "", null, false);

    assertThat(query.flow()).isNull();
    assertThat(query.firstPage(API).getRawQuery()).doesNotContain("flow").doesNotContain("contact");
  }

  @Test
  void requiresTheFixedBefore() {
    assertThatThrownBy(() -> RunsQuery.between(null, null))
        .isInstanceOf(NullPointerException.class);
  }
}
