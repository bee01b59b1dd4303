package io.flowlake.pull;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactPage;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.ContactsClient;
import io.flowlake.api.ContactsQuery;
import io.flowlake.api.RunPage;
import io.flowlake.api.RunRecord;
import io.flowlake.api.RunsClient;
import io.flowlake.api.RunsQuery;
import io.flowlake.api.SharedBudgets;
import io.flowlake.api.ThrottleScope;
import io.flowlake.lake.NextPullDigest;
import io.flowlake.lake.OverlapDigest;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/**
 * Asks the workspace, over plain HTTP and without Spark, whether the next pull would find anything
 * the lake lacks: each re-read a pull does (runs and contacts since their watermarks less the
 * overlap, the deleted contacts, the field and group lists) is fetched up to now and compared with
 * what the last pull recorded it would return ({@link NextPullDigest}). Listings are read newest
 * first, so a change shows on the first page and costs one request; any record that does not parse
 * counts as a change. "Nothing new" is answered only when every listing matches.
 */
public final class NothingNewProbe {

  /**
   * @param nothingNew whether every listing matched
   * @param why what differed (never a uuid), or "nothing new"
   */
  public record Answer(
      boolean nothingNew,
      String why,
      long requests,
      long pages,
      long runs,
      long contacts,
      int fields,
      int groups) {}

  private final ApiConfig api;
  private final int contactsPerHour;
  private long requests;
  private long pages;
  private long runs;
  private long contacts;
  private int fields;
  private int groups;

  public NothingNewProbe(ApiConfig api, int contactsPerHour) {
    this.api = api;
    this.contactsPerHour = contactsPerHour;
  }

  /**
   * @param digest the last pull's record
   * @param withContacts whether this run pulls contacts (then the digest must have them)
   * @param now the read's upper bound, as a pull's T0
   */
  public Answer ask(NextPullDigest digest, boolean withContacts, Instant now) {
    String why = differences(digest, withContacts, now);
    return new Answer(
        why == null,
        why == null ? "nothing new" : why,
        requests,
        pages,
        runs,
        contacts,
        fields,
        groups);
  }

  private String differences(NextPullDigest digest, boolean withContacts, Instant now) {
    if (withContacts != (digest.contacts() != null)) {
      return "the last pull " + (withContacts ? "skipped" : "landed") + " contacts";
    }
    if (digest.deletions() == null) {
      return "the last pull could not read every deleted contact";
    }
    String runsDiffer = runs(digest, now);
    if (runsDiffer != null) {
      return runsDiffer;
    }
    try (ContactsClient client = new ContactsClient(api, contactsPerHour)) {
      try {
        String deleted = contacts(client, digest.deletions(), now, true, "the deleted contacts");
        if (deleted != null || !withContacts) {
          return deleted;
        }
        String changed = contacts(client, digest.contacts(), now, false, "the contacts re-read");
        if (changed != null) {
          return changed;
        }
        List<ContactField> fieldList = client.fields();
        List<ContactGroup> groupList = client.groups();
        fields = fieldList.size();
        groups = groupList.size();
        return DefinitionsDigest.of(fieldList, groupList).equals(digest.definitions())
            ? null
            : "the contact fields or groups changed";
      } finally {
        requests += client.stats().requests();
        pages += client.stats().pages();
      }
    }
  }

  private String runs(NextPullDigest digest, Instant now) {
    OverlapDigest expected = digest.runs();
    RunsQuery query = new RunsQuery(expected.after(), now, false, null, null, null, false);
    try (RunsClient client =
        new RunsClient(api, SharedBudgets.of(api, ThrottleScope.RUNS, api.requestsPerHour()))) {
      try {
        OverlapDigest.Builder found = new OverlapDigest.Builder(expected.after());
        Iterator<RunPage> listing = client.pagesFrom(query.newestFirstPage(api.api()));
        while (listing.hasNext()) {
          RunPage page = listing.next();
          if (!page.rejects().isEmpty()) {
            return "a run re-read does not parse";
          }
          for (RunRecord run : page.runs()) {
            runs++;
            if (run.modifiedOn().isAfter(digest.watermark())) {
              return "runs modified since the watermark";
            }
            found.add(run.uuid(), run.modifiedOn());
          }
          if (found.count() > expected.count()) {
            return "more runs in the overlap than the lake holds";
          }
        }
        return same(expected, found.digest(), "the runs re-read differ from the lake's");
      } finally {
        requests += client.stats().requests();
        pages += client.stats().pages();
      }
    }
  }

  private String contacts(
      ContactsClient client, OverlapDigest expected, Instant now, boolean deleted, String what) {
    ContactsQuery query = new ContactsQuery(expected.after(), now, deleted, null);
    OverlapDigest.Builder found = new OverlapDigest.Builder(expected.after());
    Iterator<ContactPage> listing = client.pagesFrom(query.newestFirstPage(api.api()), deleted);
    while (listing.hasNext()) {
      ContactPage page = listing.next();
      if (!page.rejects().isEmpty()) {
        return what + ": a record does not parse";
      }
      for (ContactRecord contact : page.contacts()) {
        contacts += deleted ? 0 : 1;
        found.add(contact.uuid(), contact.modifiedOn());
      }
      if (found.count() > expected.count()) {
        return what + ": more than the last pull saw";
      }
    }
    return same(expected, found.digest(), what + " differ from the lake's");
  }

  private static String same(OverlapDigest expected, OverlapDigest found, String otherwise) {
    return expected.count() == found.count() && expected.sha256().equals(found.sha256())
        ? null
        : otherwise;
  }
}
