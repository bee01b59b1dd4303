package io.flowlake.api;

import static io.flowlake.api.ContactJson.contact;
import static io.flowlake.api.ContactJson.deleted;
import static io.flowlake.api.RunJson.page;
import static io.flowlake.api.RunsClientTest.CONFIG;
import static io.flowlake.api.RunsClientTest.T0;
import static io.flowlake.api.RunsClientTest.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactsClientTest {

  static final URI FIRST = ContactsQuery.between(null, T0).firstPage(CONFIG.api());
  static final String SECOND =
      "https://textit.com/api/v2/contacts.json?cursor=cD0yMDE1&reverse=true";

  final ScriptedTransport transport = new ScriptedTransport();
  final FakeClock clock = FakeClock.advancing();
  final RunsClientTest.CountingBudget contactsBudget = new RunsClientTest.CountingBudget();
  final RunsClientTest.CountingBudget defaultBudget = new RunsClientTest.CountingBudget();

  @Test
  void followsNextAcrossPagesAndCountsContacts() {
    transport
        .answer(200, page(SECOND, contact(uuid(1)), contact(uuid(2))))
        .answer(200, page(null, contact(uuid(3))));
    ContactsClient client = client();

    List<ContactRecord> contacts = all(client.pages(ContactsQuery.between(null, T0)));

    assertThat(contacts).extracting(ContactRecord::uuid).containsExactly(uuid(1), uuid(2), uuid(3));
    assertThat(transport.requested).containsExactly(FIRST, URI.create(SECOND));
    assertThat(client.stats().pages()).isEqualTo(2);
    assertThat(client.stats().runs()).isEqualTo(3);
  }

  @Test
  void readsTheDeletedListingAsDeletedContacts() {
    transport.answer(200, page(null, deleted(uuid(9))));

    ContactsQuery query = ContactsQuery.between(null, T0).deletedOnly();
    List<ContactRecord> gone = all(client().pages(query));

    assertThat(gone).singleElement().matches(ContactRecord::deleted);
    assertThat(transport.requested.get(0).getRawQuery()).contains("deleted=true");
  }

  @Test
  void contactsDrawOnTheContactsBudgetFieldsAndGroupsOnTheDefaultOne() {
    transport
        .answer(200, page(null, contact(uuid(1))))
        .answer(200, ContactJson.FIELDS_PAGE)
        .answer(200, ContactJson.GROUPS_PAGE);
    ContactsClient client = client();

    client.pages(ContactsQuery.between(null, T0)).next();
    List<ContactField> fields = client.fields();
    List<ContactGroup> groups = client.groups();

    assertThat(contactsBudget.acquired).isEqualTo(1);
    assertThat(defaultBudget.acquired).isEqualTo(2);
    assertThat(fields)
        .extracting(ContactField::key)
        .containsExactly("registration_date", "born", "district");
    assertThat(groups)
        .extracting(ContactGroup::name)
        .containsExactly("Youth", "U-Reporters", "Open Tickets");
    assertThat(transport.requested.subList(1, 3))
        .containsExactly(
            URI.create("https://textit.com/api/v2/fields.json"),
            URI.create("https://textit.com/api/v2/groups.json"));
  }

  @Test
  void waitsOutA429AndRetriesA5xxWithoutLosingContacts() {
    transport
        .answer(200, page(SECOND, contact(uuid(1))))
        .answer(429, "{\"detail\": \"Request was throttled.\"}", "Retry-After", "37")
        .answer(502, "<html>bad gateway</html>")
        .answer(200, page(null, contact(uuid(2))));
    ContactsClient client = client();

    List<ContactRecord> contacts = all(client.pages(ContactsQuery.between(null, T0)));

    assertThat(contacts).extracting(ContactRecord::uuid).containsExactly(uuid(1), uuid(2));
    assertThat(clock.sleeps).startsWith(Duration.ofSeconds(37)).hasSize(2);
    assertThat(client.stats().throttled()).isEqualTo(1);
    assertThat(client.stats().retries()).isEqualTo(1);
    assertThat(contactsBudget.acquired).isEqualTo(4);
  }

  @Test
  void refusesANextLinkOrAResumeUrlOnAnotherHost() {
    transport.answer(
        200, page("https://evil.example/api/v2/contacts.json?cursor=x", contact(uuid(1))));
    ContactsClient client = client();
    Iterator<ContactPage> pages = client.pages(ContactsQuery.between(null, T0));

    assertThatThrownBy(pages::next)
        .isInstanceOf(UnsafeLinkException.class)
        .hasMessageContaining("refusing to send the token there");
    assertThatThrownBy(() -> client.pagesFrom(URI.create("https://evil.example/x"), false))
        .isInstanceOf(UnsafeLinkException.class);
    assertThat(transport.requested).containsExactly(FIRST);
  }

  @Test
  void resumesFromAStoredNextLinkAndRefusesWorkAfterClose() {
    transport.answer(200, page(null, contact(uuid(7))));
    ContactsClient client = client();

    assertThat(client.pagesFrom(URI.create(SECOND), false).next().contacts()).hasSize(1);
    client.close();
    client.close();

    assertThatThrownBy(client::fields)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this ContactsClient is closed");
    assertThatThrownBy(() -> client.pages(ContactsQuery.between(null, T0)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void scopesHaveSeparateSharedBudgets() {
    int rate = 1234;

    RequestBudget contacts = SharedBudgets.of(CONFIG, ThrottleScope.CONTACTS, rate);

    assertThat(contacts).isSameAs(SharedBudgets.of(CONFIG, ThrottleScope.CONTACTS, rate));
    assertThat(contacts).isNotSameAs(SharedBudgets.of(CONFIG, ThrottleScope.RUNS, rate));
    assertThat(contacts).isNotSameAs(SharedBudgets.of(CONFIG, ThrottleScope.DEFAULT, rate));
    assertThat(SharedBudgets.of(CONFIG, rate))
        .isSameAs(SharedBudgets.of(CONFIG, ThrottleScope.RUNS, rate));
  }

  private ContactsClient client() {
    return new ContactsClient(
        CONFIG, transport, contactsBudget, defaultBudget, clock, new RunsClientTest.HalfJitter());
  }

  private static List<ContactRecord> all(Iterator<ContactPage> pages) {
    List<ContactRecord> contacts = new ArrayList<>();
    pages.forEachRemaining(page -> contacts.addAll(page.contacts()));
    return contacts;
  }
}
