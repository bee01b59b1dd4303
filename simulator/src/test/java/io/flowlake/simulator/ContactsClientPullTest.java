package io.flowlake.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactPage;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.ContactsClient;
import io.flowlake.api.ContactsQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** flowlake's contacts client against the simulator: a pull must end up with the truth. */
class ContactsClientPullTest {

  private static List<ContactRecord> pull(ContactsClient client, ContactsQuery query) {
    List<ContactRecord> contacts = new ArrayList<>();
    Iterator<ContactPage> pages = client.pages(query);
    pages.forEachRemaining(
        page -> {
          assertThat(page.rejects()).isEmpty();
          contacts.addAll(page.contacts());
        });
    return contacts;
  }

  @Test
  void aFullPullThenAnIncrementalOneWithOverlapMatchTheTruth() throws IOException {
    try (Simulator sim = Simulator.builder().runs(2400).seed(11).anonymous(true).start();
        ContactsClient client = new ContactsClient(config(sim), 3_600_000)) {
      Workspace workspace = sim.workspace();
      Instant t0 = Instant.now();

      List<ContactRecord> full = pull(client, ContactsQuery.between(null, t0));
      assertThat(full).containsExactlyInAnyOrderElementsOf(workspace.contactSnapshot());

      Instant watermark =
          full.stream().map(ContactRecord::modifiedOn).max(Instant::compareTo).orElseThrow();
      List<String> moved = workspace.moveContacts(5);
      String gone = full.get(0).uuid();
      workspace.deleteContact(gone);
      Instant t1 = Instant.now().plusMillis(1);
      ContactsQuery next = ContactsQuery.since(watermark, Duration.ofMinutes(5), t1);

      List<ContactRecord> changed = pull(client, next);
      List<ContactRecord> deleted = pull(client, next.deletedOnly());

      assertThat(changed).extracting(ContactRecord::uuid).containsAll(moved).doesNotContain(gone);
      assertThat(changed)
          .allMatch(c -> !c.modifiedOn().isBefore(watermark.minus(Duration.ofMinutes(5))));
      assertThat(changed).allMatch(c -> c.urns().stream().allMatch(u -> u.endsWith(":********")));
      assertThat(deleted)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.uuid()).isEqualTo(gone);
                assertThat(c.deleted()).isTrue();
                assertThat(c.ref()).matches("\\d{10}");
              });
      List<ContactField> fields = client.fields();
      List<ContactGroup> groups = client.groups();
      assertThat(fields).containsExactlyInAnyOrderElementsOf(workspace.contactFields());
      assertThat(groups).containsExactlyInAnyOrderElementsOf(workspace.contactGroups());
    }
  }

  private static ApiConfig config(Simulator sim) {
    return ApiConfig.builder(sim.url().toString())
        .token(sim.token())
        .requestsPerHour(3_600_000)
        .maxAttempts(2)
        .backoffBase(Duration.ZERO)
        .build();
  }
}
