package io.flowlake.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of {@code contacts.json}.
 *
 * @param url the URL this page was fetched from
 * @param contacts the contacts that parsed, in page order
 * @param rejects the records that did not, with their exact JSON text
 * @param next the absolute URL of the following page, null at the end; a checkpoint, as for runs
 */
public record ContactPage(
    String url, List<ContactRecord> contacts, List<RejectedRecord> rejects, String next)
    implements Serializable {

  public ContactPage {
    contacts = List.copyOf(contacts);
    rejects = List.copyOf(rejects);
  }
}
