package io.flowlake.source;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ContactPage;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.ContactsClient;
import io.flowlake.api.ContactsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The contacts RapidPro lists as deleted ({@code contacts.json?deleted=true}) with a deletion time
 * in {@code [after, before]}, both inclusive; a deleted contact keeps only its uuid and times
 * (docs/rapidpro-contacts.md), and only the uuid is kept here. Read on the contacts' own throttle
 * scope, paced at that scope's budget ({@code --contacts-requests-per-hour}).
 */
public final class DeletedContacts {

  /**
   * @param uuids the deleted contacts, in deletion order
   * @param newest the latest deletion time listed, null if none
   * @param rejected records that did not parse (their uuid unknown, so not erased)
   * @param deletedAt each deletion's time, in the order of {@code uuids}
   */
  public record Listing(
      List<String> uuids, Instant newest, long rejected, List<Instant> deletedAt) {}

  /**
   * @param after null for every deletion up to {@code before}
   * @param requestsPerHour the {@code v2.contacts} budget
   */
  public static Listing list(
      Map<String, String> sourceOptions, int requestsPerHour, Instant after, Instant before) {
    ApiConfig api = SourceOptions.connection(sourceOptions);
    List<String> uuids = new ArrayList<>();
    List<Instant> deletedAt = new ArrayList<>();
    Instant newest = null;
    long rejected = 0;
    try (ContactsClient client = new ContactsClient(api, requestsPerHour)) {
      Iterator<ContactPage> pages = client.pages(new ContactsQuery(after, before, true, null));
      while (pages.hasNext()) {
        ContactPage page = pages.next();
        for (ContactRecord contact : page.contacts()) {
          uuids.add(contact.uuid());
          deletedAt.add(contact.modifiedOn());
          newest =
              newest == null || contact.modifiedOn().isAfter(newest)
                  ? contact.modifiedOn()
                  : newest;
        }
        rejected += page.rejects().size();
      }
    }
    return new Listing(uuids, newest, rejected, deletedAt);
  }

  private DeletedContacts() {}
}
