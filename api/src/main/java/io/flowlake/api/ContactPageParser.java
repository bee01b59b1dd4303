package io.flowlake.api;

/**
 * Reads a whole {@code contacts.json} page; a contact we cannot store becomes a {@link
 * RejectedRecord} and the rest of the page is kept (see {@link RecordPageParser}).
 */
public final class ContactPageParser {

  private ContactPageParser() {}

  /**
   * @param deletedListing whether the page was fetched with {@code deleted=true}
   */
  public static ContactPage parse(String url, byte[] body, boolean deletedListing) {
    RecordPageParser.Parsed<ContactRecord> page =
        RecordPageParser.parse(body, "contacts", ContactRecordParser.reader(deletedListing));
    return new ContactPage(url, page.records(), page.rejects(), page.next());
  }
}
