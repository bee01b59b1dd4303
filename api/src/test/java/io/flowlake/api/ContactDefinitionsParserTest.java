package io.flowlake.api;

import static io.flowlake.api.RunJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactDefinitionsParserTest {

  @Test
  void readsFieldsFromTheirNamesOrTheDeprecatedAliases() {
    PageEnvelope.Listing<ContactField> fields =
        ContactDefinitionsParser.parseFields(utf8(ContactJson.FIELDS_PAGE));

    assertThat(fields.items())
        .containsExactly(
            new ContactField("registration_date", "Registration Date", "datetime"),
            new ContactField("born", "Born", "number"),
            new ContactField("district", "District", "district"));
  }

  @Test
  void mapsTheLegacyNumericValueTypeToNumber() {
    String legacyOnly =
        "{\"next\": null, \"results\": [{\"key\": \"born\", \"label\": \"Born\","
            + " \"value_type\": \"numeric\"}]}";

    assertThat(ContactDefinitionsParser.parseFields(utf8(legacyOnly)).items())
        .containsExactly(new ContactField("born", "Born", "number"));
  }

  @Test
  void aFieldWithoutKeyOrTypeMakesThePageMalformed() {
    String noType = "{\"next\": null, \"results\": [{\"key\": \"born\", \"name\": \"Born\"}]}";

    assertThatThrownBy(() -> ContactDefinitionsParser.parseFields(utf8(noType)))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("fields page: field born has no type");
  }

  @Test
  void readsGroupsWithQueriesStatusesAndCounts() {
    PageEnvelope.Listing<ContactGroup> groups =
        ContactDefinitionsParser.parseGroups(utf8(ContactJson.GROUPS_PAGE));

    assertThat(groups.items())
        .containsExactly(
            new ContactGroup(
                "00000000-0000-4000-8000-0000000000a3",
                "Youth",
                "born > 2000",
                "evaluating",
                false,
                12),
            new ContactGroup(ContactJson.GROUP, "U-Reporters", null, "ready", false, 315),
            new ContactGroup(
                "00000000-0000-4000-8000-0000000000a0",
                "Open Tickets",
                "tickets > 0",
                "ready",
                true,
                0));
  }
}
