package io.flowlake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.api.Contact;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static RunRecord run(Contact contact, Instant modifiedOn) {
    Map<String, ResultValue> values = new LinkedHashMap<>();
    values.put(
        "reason",
        new ResultValue(
            "Reason",
            "sky",
            "All Responses",
            "4c9cb68d-474f-4b9a-b65e-c2aa593a3466",
            Instant.parse("2015-11-11T13:05:57Z"),
            "ignored input"));
    values.put(
        "color",
        new ResultValue(
            "Color",
            "blue",
            "Blue",
            "fc32aeb0-ac3e-42a8-9ea7-10248fdf52a1",
            Instant.parse("2015-11-11T13:03:51.635662Z"),
            null));
    return new RunRecord(
        "0b6ed5cb-4b9f-422d-a53d-83965f93ff40",
        12L,
        "ffce0fbb-4fe1-4052-b26a-91beb2ebae9a",
        "Colors",
        contact,
        "93a624ad-5440-415e-b49f-17bf42754acb",
        true,
        List.of(
            new PathStep(
                "27a86a1b-6cc4-4ae3-b73d-89650966a82f", Instant.parse("2015-11-11T13:03:50Z"))),
        values,
        Instant.parse("2015-11-11T13:03:50Z"),
        modifiedOn,
        null,
        null);
  }

  private static final Contact FRANK =
      new Contact(
          "d33e9ad5-5c35-414c-abd4-e7451c69ff1d", "Frank", "tel:123456", "123456", "0000000042");

  @Test
  void writesFieldsInSerializerOrderWithBothTimestampFormats() throws Exception {
    String json =
        new RunJson(false).toJson(run(FRANK, Instant.parse("2015-11-11T13:05:57.000010Z")), true);

    assertThat(json)
        .isEqualTo(
            "{\"id\":12,\"uuid\":\"0b6ed5cb-4b9f-422d-a53d-83965f93ff40\","
                + "\"flow\":{\"uuid\":\"ffce0fbb-4fe1-4052-b26a-91beb2ebae9a\",\"name\":\"Colors\"},"
                + "\"contact\":{\"uuid\":\"d33e9ad5-5c35-414c-abd4-e7451c69ff1d\",\"name\":\"Frank\","
                + "\"urn\":\"tel:123456\",\"urn_display\":\"123456\"},"
                + "\"start\":{\"uuid\":\"93a624ad-5440-415e-b49f-17bf42754acb\"},\"responded\":true,"
                + "\"path\":[{\"node\":\"27a86a1b-6cc4-4ae3-b73d-89650966a82f\","
                + "\"time\":\"2015-11-11T13:03:50.000000Z\"}],"
                + "\"values\":{\"color\":{\"name\":\"Color\",\"value\":\"blue\",\"category\":\"Blue\","
                + "\"node\":\"fc32aeb0-ac3e-42a8-9ea7-10248fdf52a1\",\"time\":\"2015-11-11T13:03:51.635662Z\"},"
                + "\"reason\":{\"name\":\"Reason\",\"value\":\"sky\",\"category\":\"All Responses\","
                + "\"node\":\"4c9cb68d-474f-4b9a-b65e-c2aa593a3466\",\"time\":\"2015-11-11T13:05:57.000000Z\"}},"
                + "\"created_on\":\"2015-11-11T13:03:50Z\",\"modified_on\":\"2015-11-11T13:05:57.000010Z\","
                + "\"exited_on\":null,\"exit_type\":null}");
  }

  @Test
  void ordersValueKeysAsPostgresJsonbDoes() throws Exception {
    JsonNode values =
        MAPPER.readTree(new RunJson(false).toJson(run(FRANK, Instant.EPOCH), true)).get("values");
    List<String> keys = new ArrayList<>();
    values.fieldNames().forEachRemaining(keys::add);

    assertThat(keys).containsExactly("color", "reason");
  }

  @Test
  void anonymousWorkspaceMasksUrnAndAddsRef() throws Exception {
    Contact masked =
        new Contact(
            "d33e9ad5-5c35-414c-abd4-e7451c69ff1d", "Frank", "tel:********", null, "0000000042");
    JsonNode contact =
        MAPPER.readTree(new RunJson(true).toJson(run(masked, Instant.EPOCH), true)).get("contact");

    assertThat(contact.toString())
        .isEqualTo(
            "{\"uuid\":\"d33e9ad5-5c35-414c-abd4-e7451c69ff1d\",\"name\":\"Frank\",\"ref\":\"0000000042\","
                + "\"urn\":\"tel:********\",\"urn_display\":null,\"anon_display\":\"0000000042\"}");
  }

  @Test
  void pathIsNullWhenPathsAreNotRequested() throws Exception {
    JsonNode run = MAPPER.readTree(new RunJson(false).toJson(run(FRANK, Instant.EPOCH), false));

    assertThat(run.get("path").isNull()).isTrue();
    assertThat(run.get("modified_on").asText()).isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void positionIsPythonStrOfTheDatetime() {
    long micros = ApiTimes.micros(Instant.parse("2015-11-11T13:05:57.576056Z"));

    assertThat(ApiTimes.formatPosition(micros)).isEqualTo("2015-11-11 13:05:57.576056+00:00");
    assertThat(ApiTimes.formatPosition(ApiTimes.floorToSecond(micros)))
        .isEqualTo("2015-11-11 13:05:57+00:00");
    assertThat(ApiTimes.formatMicros(ApiTimes.micros(Instant.parse("1999-12-31T23:59:59.000001Z"))))
        .isEqualTo("1999-12-31T23:59:59.000001Z");
  }
}
