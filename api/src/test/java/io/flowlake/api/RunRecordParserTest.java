package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunRecordParserTest {

  private static final String UUID = "0c54f7b9-875b-4385-ae85-fb9e84f4b3d6";

  @Test
  void readsEveryLineOfTheArchiverFixture() {
    List<RunRecord> runs =
        Fixtures.lines("rp-archiver_runs1.jsonl").stream().map(RunRecordParser::parseLine).toList();

    assertThat(runs).extracting(RunRecord::id).containsExactly(1L, 2L, 8L);
    RunRecord first = runs.get(0);
    assertThat(first.uuid()).isEqualTo("4ced1260-9cfe-4b7f-81dd-b637108f15b9");
    assertThat(first.flowUuid()).isEqualTo("6639286a-9120-45d4-aa39-03ae3942a4a6");
    assertThat(first.flowName()).isEqualTo("Flow 1");
    assertThat(first.contact())
        .isEqualTo(
            new Contact(
                "3e814add-e614-41f7-8b5d-a07f670a698f", "Ajodinabiff Dane", null, null, null));
    assertThat(first.startUuid()).isNull();
    assertThat(first.responded()).isTrue();
    assertThat(first.path()).isEmpty();
    assertThat(first.values()).isEmpty();
    assertThat(first.createdOn()).isEqualTo(Instant.parse("2017-08-12T19:11:59.890662Z"));
    assertThat(first.modifiedOn()).isEqualTo(Instant.parse("2017-08-12T19:11:59.890662Z"));
    assertThat(first.exitedOn()).isEqualTo(Instant.parse("2017-08-12T19:11:59.890662Z"));
    assertThat(first.exitType()).isEqualTo("completed");

    RunRecord second = runs.get(1);
    assertThat(second.path())
        .containsExactly(
            new PathStep(
                "10896d63-8df7-4022-88dd-a9d93edf355b",
                Instant.parse("2017-08-12T13:07:24.049815Z")));
    assertThat(second.values())
        .containsExactly(
            org.assertj.core.api.Assertions.entry(
                "agree",
                new ResultValue(
                    "Do you agree?",
                    "A",
                    "Strongly agree",
                    "a0434c54-3e26-4eb0-bafc-46cdeaf435ac",
                    Instant.parse("2017-05-03T12:25:21.714339Z"),
                    "A")));

    RunRecord third = runs.get(2);
    assertThat(third.uuid()).isEqualTo(UUID);
    assertThat(third.path()).hasSize(3);
    assertThat(third.path().get(2).node()).isEqualTo("1640b40d-63ed-43b0-a443-097ce8bb8710");
    assertThat(third.path().get(2).time()).isEqualTo(Instant.parse("2017-08-12T13:07:27.049815Z"));
  }

  @Test
  void readsTheAnonymousWorkspaceArchiveKeepingValueOrder() {
    List<String> lines = Fixtures.lines("rp-archiver_runs2.jsonl");
    assertThat(lines).hasSize(1);

    RunRecord run = RunRecordParser.parseLine(lines.get(0));

    assertThat(run.id()).isEqualTo(3L);
    assertThat(run.uuid()).isEqualTo("de782b35-a398-46ed-8550-34c66053841b");
    assertThat(run.flowName()).isEqualTo("Flow 2");
    assertThat(run.contact().name()).isEqualTo("Joanne Stone");
    assertThat(run.values().keySet()).containsExactly("agree", "confirm_agree");
    assertThat(run.values().get("confirm_agree").category()).isEqualTo("Confirmed Strongly agree");
    assertThat(run.values().get("confirm_agree").input()).isEqualTo("A");
    assertThat(run.values().get("agree").node()).isEqualTo("084c8cf1-715d-4d0a-b38d-a616ed74e638");
    assertThat(run.createdOn()).isEqualTo(Instant.parse("2017-08-10T19:11:59.890662Z"));
  }

  @Test
  void readsTheCurrentApiShape() {
    RunRecord run = RunRecordParser.parseLine(RunJson.run(UUID));

    assertThat(run.id()).isEqualTo(17L);
    assertThat(run.contact())
        .isEqualTo(
            new Contact(
                "d33e9ad5-5c35-414c-abd4-e7451c69ff1d",
                "Frank",
                "tel:+250788123123",
                "0788 123 123",
                null));
    assertThat(run.startUuid()).isEqualTo("93a624ad-5440-415e-b49f-17bf42754acb");
    assertThat(run.path().get(0).time()).isEqualTo(Instant.parse("2026-01-05T10:00:00.000001Z"));
    assertThat(run.values().get("color").time())
        .isEqualTo(Instant.parse("2026-01-05T10:00:01.500Z"));
    assertThat(run.values().get("color").input()).isNull();
    assertThat(run.createdOn()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
  }

  @Test
  void readsAnonymousContactsActiveRunsAndRunsWithoutPaths() {
    String json =
        """
        {"uuid": "%s", "flow": {"uuid": "f1", "name": null},
         "contact": {"uuid": "c1", "name": null, "urn": "tel:********", "urn_display": null,
                     "ref": "1234567", "anon_display": "1234567"},
         "start": null, "responded": false, "path": null, "values": {},
         "created_on": "2026-01-05T10:00:00Z", "modified_on": "2026-01-05T10:00:00Z",
         "exited_on": null, "exit_type": null}"""
            .formatted(UUID);

    RunRecord run = RunRecordParser.parseLine(json);

    assertThat(run.id()).isNull();
    assertThat(run.flowName()).isNull();
    assertThat(run.contact()).isEqualTo(new Contact("c1", null, "tel:********", null, "1234567"));
    assertThat(run.path()).isNull();
    assertThat(run.exitedOn()).isNull();
    assertThat(run.exitType()).isNull();
  }

  @Test
  void readsLegacyValuesGivenAsAnArrayOfSingleKeyObjects() {
    String json =
        RunJson.run(UUID)
            .replaceFirst(
                "(?s)\"values\": \\{.*?}},",
                """
                "values": [{"color": {"name": "Color", "value": "blue", "category": "Blue",
                             "node": "n1", "time": "2018-03-01T10:00:00.5+00:00", "input": "blue!"}},
                           {"age": {"value": "33", "category": "Numeric", "node": "n2",
                                    "time": "2018-03-01T10:01:00+00:00"}}],""");

    RunRecord run = RunRecordParser.parseLine(json);

    assertThat(run.values().keySet()).containsExactly("color", "age");
    assertThat(run.values().get("color"))
        .isEqualTo(
            new ResultValue(
                "Color", "blue", "Blue", "n1", Instant.parse("2018-03-01T10:00:00.500Z"), "blue!"));
    assertThat(run.values().get("age").name()).isNull();
  }

  @Test
  void ignoresFieldsItDoesNotKnow() {
    String json =
        RunJson.run(UUID)
            .replace(
                "\"responded\": true,",
                """
                "responded": true,
                "events": [{"type": "msg_created", "msg": {"text": "hi", "urn": "tel:1"}}],
                "submitted_by": null, "some_future_field": {"a": [1, 2, {"b": null}]},""");

    assertThat(RunRecordParser.parseLine(json))
        .isEqualTo(RunRecordParser.parseLine(RunJson.run(UUID)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"uuid\": \"" + UUID + "\",                 | | uuid is missing",
        "\"flow\": {                                  | \"flow_x\": { | flow is missing",
        "\"created_on\": \"2026-01-05T10:00:00Z\",    | | created_on is missing",
        "\"modified_on\": \"2026-01-05T10:00:02.123456Z\", | | modified_on is missing",
        "\"created_on\": \"2026-01-05T10:00:00Z\"     | \"created_on\": \"5 Jan 2026\" | created_on '5 Jan 2026' is not a timestamp",
        "\"responded\": true                          | \"responded\": \"yes\" | responded must be true or false, not a string",
        "\"id\": 17                                   | \"id\": \"17\" | id must be an integer, not a string",
        "\"exit_type\": \"completed\"                 | \"exit_type\": \"vanished\" | unknown exit_type 'vanished'",
        "\"path\": [                                  | \"path\": {\"steps\": 1}, \"x\": [ | path must be an array, not an object",
        "\"category\": \"Red\"                        | \"category\": 7 | values.color.category must be a string, not a number",
      })
  void refusesARecordThatIsJsonButNotARun(String original, String replacement, String reason) {
    String json = RunJson.run(UUID).replace(original, replacement == null ? "" : replacement);

    assertThatThrownBy(() -> RunRecordParser.parseLine(json))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage(reason);
  }

  @Test
  void refusesALineThatIsNotJson() {
    assertThatThrownBy(() -> RunRecordParser.parseLine("{\"uuid\": \"abc\", "))
        .isInstanceOf(RecordFormatException.class)
        .hasMessageStartingWith("not JSON: ");
    assertThatThrownBy(() -> RunRecordParser.parseLine(RunJson.run(UUID) + " {}"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("unexpected content after the run object");
    assertThatThrownBy(() -> RunRecordParser.parseLine("[]"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessage("run must be an object, not an array");
  }
}
