package io.flowlake.api;

import static io.flowlake.api.ContactJson.anonymous;
import static io.flowlake.api.ContactJson.contact;
import static io.flowlake.api.ContactJson.deleted;
import static io.flowlake.api.RunJson.page;
import static io.flowlake.api.RunJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPageParserTest {

  private static final String URL = "https://textit.com/api/v2/contacts.json?reverse=true";
  private static final String A = "00000000-0000-4000-8000-000000000001";
  private static final String B = "00000000-0000-4000-8000-000000000002";

  @Test
  void readsEveryFieldOfAnActiveContact() {
    ContactPage page =
        ContactPageParser.parse(URL, utf8(page("https://textit.com/n", contact(A))), false);

    assertThat(page.url()).isEqualTo(URL);
    assertThat(page.next()).isEqualTo("https://textit.com/n");
    assertThat(page.rejects()).isEmpty();
    ContactRecord c = page.contacts().get(0);
    assertThat(c.uuid()).isEqualTo(A);
    assertThat(c.name()).isEqualTo("Test Contact 0001");
    assertThat(c.ref()).isNull();
    assertThat(c.status()).isEqualTo("active");
    assertThat(c.language()).isEqualTo("kin");
    assertThat(c.urns()).containsExactly("tel:+15550100001", "whatsapp:15550100001");
    assertThat(c.groups()).containsExactly(new NamedRef(ContactJson.GROUP, "U-Reporters"));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("gender", "female");
    fields.put("born", "1999");
    fields.put("district", "Rwanda > Kigali City > Nyarugenge");
    fields.put("registration_date", "2025-06-01T14:03:22+02:00");
    fields.put("nickname", null);
    assertThat(c.fields()).containsExactlyEntriesOf(fields);
    assertThat(c.flow()).isEqualTo(new NamedRef(ContactJson.FLOW, "Registration"));
    assertThat(c.createdOn()).isEqualTo(Instant.parse("2025-05-30T08:00:00.123456Z"));
    assertThat(c.modifiedOn()).isEqualTo(Instant.parse("2026-01-05T10:00:02.500Z"));
    assertThat(c.lastSeenOn()).isEqualTo(Instant.parse("2026-01-04T09:00:00Z"));
    assertThat(c.deleted()).isFalse();
  }

  @Test
  void readsTheMaskedContactOfAnAnonymousWorkspace() {
    ContactRecord c =
        ContactPageParser.parse(URL, utf8(page(null, anonymous(A))), false).contacts().get(0);

    assertThat(c.urns()).containsExactly("tel:********");
    assertThat(c.ref()).isEqualTo("0000000042");
    assertThat(c.status()).isEqualTo("stopped");
    assertThat(c.lastSeenOn()).isNull();
    assertThat(c.flow()).isNull();
  }

  @Test
  void takesTheRefFromAnonDisplayOnServersThatSendOnlyThat() {
    String older = anonymous(A).replace("\"ref\": \"0000000042\", ", "");

    ContactRecord c =
        ContactPageParser.parse(URL, utf8(page(null, older)), false).contacts().get(0);

    assertThat(c.ref()).isEqualTo("0000000042");
  }

  @Test
  void readsADeletedContactWithItsNullsAsDeleted() {
    ContactRecord c =
        ContactPageParser.parse(URL, utf8(page(null, deleted(A))), true).contacts().get(0);

    assertThat(c.deleted()).isTrue();
    assertThat(c.name()).isNull();
    assertThat(c.status()).isNull();
    assertThat(c.urns()).isEmpty();
    assertThat(c.groups()).isEmpty();
    assertThat(c.fields()).isEmpty();
    assertThat(c.modifiedOn()).isEqualTo(Instant.parse("2026-02-01T00:00:00.000001Z"));
  }

  @Test
  void rejectsAContactThatDoesNotFitItsListingAndKeepsTheRest() {
    ContactPage active =
        ContactPageParser.parse(URL, utf8(page(null, deleted(A), contact(B))), false);
    ContactPage gone = ContactPageParser.parse(URL, utf8(page(null, contact(A), deleted(B))), true);

    assertThat(active.contacts()).extracting(ContactRecord::uuid).containsExactly(B);
    assertThat(active.rejects()).extracting(RejectedRecord::raw).containsExactly(deleted(A));
    assertThat(active.rejects().get(0).reason()).startsWith("status is missing");
    assertThat(gone.contacts()).extracting(ContactRecord::uuid).containsExactly(B);
    assertThat(gone.rejects().get(0).reason()).contains("deleted=true listing");
  }

  @Test
  void rejectsUnknownStatusesAndValuesOfTheWrongType() {
    List<String> bad =
        List.of(
            contact(A).replace("\"active\"", "\"gone\""),
            contact(A).replace("\"born\": \"1999\"", "\"born\": 1999"),
            contact(A).replace("[\"tel:+15550100001\", ", "[{\"scheme\": \"tel\"}, "),
            contact(A).replace("\"modified_on\": \"2026-01-05T10:00:02.5Z\",", ""),
            contact(A).replace("{\"uuid\": \"" + ContactJson.GROUP + "\", ", "{"));

    ContactPage page =
        ContactPageParser.parse(URL, utf8(page(null, bad.toArray(String[]::new))), false);

    assertThat(page.contacts()).isEmpty();
    assertThat(page.rejects())
        .extracting(RejectedRecord::reason)
        .containsExactly(
            "unknown status 'gone'",
            "fields.born must be a string, not a number",
            "urns must be a string, not an object",
            "modified_on is missing",
            "groups.uuid is missing");
  }

  @Test
  void aBodyThatIsNotAContactsPageIsMalformed() {
    assertThatThrownBy(() -> ContactPageParser.parse(URL, utf8("{\"detail\": \"x\"}"), false))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessage("the response has no \"results\": not a contacts page");
  }
}
