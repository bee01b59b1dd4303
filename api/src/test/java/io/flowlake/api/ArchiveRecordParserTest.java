package io.flowlake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveRecordParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"rp-archiver_runs1.jsonl", "rp-archiver_runs2.jsonl"})
  void everyLineOfTheArchiverFixturesParses(String fixture) {
    List<String> lines = Fixtures.lines(fixture).stream().filter(l -> !l.isEmpty()).toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      RunRecord run = ArchiveRecordParser.parse(line);
      assertThat(run.uuid()).isNotBlank();
      assertThat(run.startUuid()).isNull();
      assertThat(run.contact().urn()).isNull();
      assertThat(run.path()).isNotNull();
    }
  }

  @Test
  void archiveLineKeepsInputAndReadsPostgresTimestamps() {
    String line = Fixtures.lines("rp-archiver_runs1.jsonl").get(1);
    RunRecord run = ArchiveRecordParser.parse(line);
    assertThat(run.uuid()).isEqualTo("7d68469c-0494-498a-bdf3-bac68321fd6d");
    assertThat(run.id()).isEqualTo(2L);
    assertThat(run.modifiedOn()).isEqualTo(Instant.parse("2017-08-12T19:11:59.890662Z"));
    assertThat(run.values().get("agree").input()).isEqualTo("A");
    assertThat(run.values().get("agree").category()).isEqualTo("Strongly agree");
    assertThat(run.path()).hasSize(1);
  }

  @Test
  void legacyLineWithListValuesEventsAndSubmittedByParses() {
    String line =
        "{\"id\":9,\"uuid\":\"0c54f7b9-875b-4385-ae85-fb9e84f4b3d6\",\"flow\":{\"uuid\":\"f1\","
            + "\"name\":\"F\"},\"contact\":{\"uuid\":\"c1\",\"name\":\"N\"},\"responded\":true,"
            + "\"path\":[],\"values\":[{\"color\":{\"name\":\"Color\",\"node\":\"n1\",\"time\":"
            + "\"2018-03-01T10:00:00.5+00:00\",\"input\":\"red\",\"value\":\"red\",\"category\":"
            + "\"Red\"}},{\"age\":{\"name\":\"Age\",\"node\":\"n2\",\"time\":"
            + "\"2018-03-01T10:00:01+00:00\",\"input\":\"7\",\"value\":\"7\",\"category\":"
            + "\"Kid\"}}],\"events\":[{\"type\":\"msg_created\"}],\"submitted_by\":\"admin\","
            + "\"created_on\":\"2018-03-01T09:59:00+00:00\",\"modified_on\":"
            + "\"2018-03-01T10:00:01.25+00:00\",\"exited_on\":null,\"exit_type\":null}";
    RunRecord run = ArchiveRecordParser.parse(line);
    assertThat(run.values()).containsOnlyKeys("color", "age");
    assertThat(run.values().get("color").time())
        .isEqualTo(Instant.parse("2018-03-01T10:00:00.500Z"));
    assertThat(run.values().get("age").input()).isEqualTo("7");
    assertThat(run.modifiedOn()).isEqualTo(Instant.parse("2018-03-01T10:00:01.250Z"));
    assertThat(run.exitType()).isNull();
  }

  @Test
  void pathsLongerThanTheArchiverLimitAreCappedToTheFirst500Steps() {
    StringBuilder path = new StringBuilder("[");
    for (int i = 0; i < 620; i++) {
      path.append(i == 0 ? "" : ",")
          .append("{\"node\": \"n")
          .append(i)
          .append("\", \"time\": \"2020-01-01T00:00:00+00:00\"}");
    }
    path.append("]");
    String line =
        "{\"id\":1,\"uuid\":\"u\",\"flow\":{\"uuid\":\"f\",\"name\":\"F\"},\"contact\":{\"uuid\":"
            + "\"c\",\"name\":null},\"responded\":false,\"path\":"
            + path
            + ",\"values\":{},\"created_on\":\"2020-01-01T00:00:00+00:00\",\"modified_on\":"
            + "\"2020-01-01T00:00:00+00:00\",\"exited_on\":null,\"exit_type\":null}";
    RunRecord run = ArchiveRecordParser.parse(line);
    assertThat(run.path()).hasSize(ArchiveRecordParser.MAX_PATH_STEPS);
    assertThat(run.path().get(0).node()).isEqualTo("n0");
    assertThat(run.path().get(499).node()).isEqualTo("n499");
  }

  @Test
  void aLineThatIsNotARunIsRefusedWithAReason() {
    assertThatThrownBy(() -> ArchiveRecordParser.parse("{\"id\":1,\"uuid\":\"u\"}"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessageContaining("flow is missing");
    assertThatThrownBy(() -> ArchiveRecordParser.parse("{\"id\":1,\"uu"))
        .isInstanceOf(RecordFormatException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void archiveNamesFollowTheStorageKey() {
    assertThat(new ArchiveInfo("run", "2026-05-01", "monthly", 3, 10, "h", "u").name())
        .isEqualTo("run_M202605");
    assertThat(new ArchiveInfo("run", "2026-05-07", "daily", 3, 10, "h", "u").name())
        .isEqualTo("run_D20260507");
  }
}
