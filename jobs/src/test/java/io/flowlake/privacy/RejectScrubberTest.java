package io.flowlake.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rejects' raw JSON under each policy, on the recorded fixtures and generated records. */
class RejectScrubberTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] KEY = "test-key-not-a-secret".getBytes(StandardCharsets.UTF_8);
  private static final Path FIXTURES = fixtures();

  @Test
  void dropRemovesEveryNameAndUrnOfTheApiAndArchiveFixturesAndKeepsTheRest() throws Exception {
    RejectScrubber drop = new RejectScrubber(PersonalData.drop());
    for (String raw : fixtureRecords()) {
      JsonNode before = JSON.readTree(raw);
      JsonNode after = JSON.readTree(drop.raw(raw, "test"));

      JsonNode contact = after.path("contact");
      assertThat(contact.path("name").isNull()).as(raw).isTrue();
      for (String key : List.of("urn", "urn_display")) {
        assertThat(contact.path(key).isMissingNode() || contact.path(key).isNull()).isTrue();
      }
      assertThat(contact.path("uuid")).isEqualTo(before.path("contact").path("uuid"));
      assertThat(after.path("uuid")).isEqualTo(before.path("uuid"));
      assertThat(after.path("flow")).isEqualTo(before.path("flow"));
      assertThat(after.path("values")).isEqualTo(before.path("values"));
    }
  }

  @Test
  void hashReplacesNamesAndUrnsWithTheirKeyedHashesTheSameOnEveryScrub() throws Exception {
    PersonalData hashed = PersonalData.hashed(KEY);
    RejectScrubber scrubber = new RejectScrubber(hashed);
    for (String raw : fixtureRecords()) {
      JsonNode before = JSON.readTree(raw).path("contact");
      String scrubbed = scrubber.raw(raw, "test");
      JsonNode after = JSON.readTree(scrubbed).path("contact");

      assertThat(after.path("name").asText())
          .isEqualTo(hashed.protect(before.path("name").asText()));
      if (before.has("urn")) {
        assertThat(after.path("urn").asText())
            .isEqualTo(hashed.protect(before.path("urn").asText()));
        assertThat(scrubbed).doesNotContain(before.path("urn").asText().substring(4));
      }
      assertThat(scrubbed).doesNotContain(before.path("name").asText());
      assertThat(new RejectScrubber(PersonalData.hashed(KEY.clone())).raw(raw, "test"))
          .isEqualTo(scrubbed);
    }
  }

  @Test
  void keepLeavesTheRawTextAndReasonAsTheyCame() throws Exception {
    RejectScrubber keep = new RejectScrubber(PersonalData.keep());
    for (String raw : fixtureRecords()) {
      assertThat(keep.raw(raw, "test")).isSameAs(raw);
    }
    assertThat(keep.reason("not JSON: Unrecognized token 'x'"))
        .isEqualTo("not JSON: Unrecognized token 'x'");
  }

  @Test
  void aContactRecordLosesItsNameUrnsAndFieldValues() throws Exception {
    Person person = Person.generated(7);
    String raw =
        "{\"uuid\":\"c1\",\"name\":\""
            + person.name
            + "\",\"urns\":[\""
            + person.urn
            + "\"],\"fields\":{\"district\":\""
            + person.name
            + "\",\"age\":null},\"groups\":[{\"uuid\":\"g1\",\"name\":\"Registered\"}]}";

    JsonNode after = JSON.readTree(new RejectScrubber(PersonalData.drop()).raw(raw, "test"));

    assertThat(after.path("name").isNull()).isTrue();
    assertThat(after.path("urns").get(0).isNull()).isTrue();
    assertThat(after.path("fields").path("district").isNull()).isTrue();
    assertThat(after.path("groups").get(0).path("name").asText()).isEqualTo("Registered");
    assertThat(after.toString()).doesNotContain(person.name).doesNotContain(person.number);
  }

  @Test
  void anUnparseableLineKeepsNoTextOnlyItsSizeAndWhereItCameFrom() {
    Person person = Person.generated(11);
    String line =
        "{\"contact\":{\"name\":\"" + person.name + "\",\"urn\":\"" + person.urn + "\"},\"pa";
    String location = "archive run_D20260101 line 3";

    for (PersonalData policy : List.of(PersonalData.drop(), PersonalData.hashed(KEY))) {
      String scrubbed = new RejectScrubber(policy).raw(line, location);
      assertThat(scrubbed)
          .isEqualTo(
              "<unparseable: "
                  + line.getBytes(StandardCharsets.UTF_8).length
                  + " bytes from "
                  + location
                  + ">");
    }
  }

  @Test
  void aReasonLosesTheValuesItQuotes() {
    RejectScrubber drop = new RejectScrubber(PersonalData.drop());
    Person person = Person.generated(3);

    assertThat(drop.reason("not JSON: Unrecognized token '" + person.number + "'"))
        .isEqualTo("not JSON");
    assertThat(drop.reason("created_on '" + person.name + "' is not a timestamp"))
        .isEqualTo("created_on '…' is not a timestamp");
    assertThat(drop.reason("contact.uuid is missing")).isEqualTo("contact.uuid is missing");
  }

  /** Every run record of the recorded API pages and archive lines. */
  private static List<String> fixtureRecords() throws IOException {
    List<String> records = new ArrayList<>();
    for (String page :
        List.of(
            "rapidpro_runs_endpoint_docstring_example.json", "rapidpro-python_v2_runs_page.json")) {
      JSON.readTree(FIXTURES.resolve(page).toFile())
          .path("results")
          .forEach(r -> records.add(r.toString()));
    }
    for (String archive : List.of("rp-archiver_runs1.jsonl", "rp-archiver_runs2.jsonl")) {
      records.addAll(Files.readAllLines(FIXTURES.resolve(archive)));
    }
    assertThat(records).hasSizeGreaterThanOrEqualTo(7);
    return records;
  }

  /** A made-up person, generated here so no fixture holds a real-looking phone number. */
  private record Person(String name, String number, String urn) {
    static Person generated(long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      String number = "2507" + (88_000_000 + rng.nextInt(12_000_000));
      return new Person("Testperson" + rng.nextInt(1000, 9999), number, "tel:+" + number);
    }
  }

  /** shared/rapidpro/fixtures beside the repository (see the api module's Fixtures). */
  private static Path fixtures() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/rapidpro/fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no shared/rapidpro/fixtures: put a copy of shared/ beside the repository");
  }
}
