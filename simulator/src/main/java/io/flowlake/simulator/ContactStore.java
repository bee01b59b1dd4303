package io.flowlake.simulator;

import io.flowlake.api.Contact;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.NamedRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The workspace's contacts: derived from the seed ({@link ContactBook}, {@link ContactProfile}),
 * with a small overlay of what changed since (deletions, field values, {@code modified_on}). Their
 * modified-on index is built on first use, so a workspace whose contacts are never asked for pays
 * nothing for it. Not thread-safe for writes: {@link Workspace} guards it.
 */
final class ContactStore {
  private final long seed;
  private final ContactBook book;
  private final GroupCatalog groups;
  private final long windowStart;
  private final long now;
  private final BitSet deleted = new BitSet();
  private final Map<Integer, Map<String, String>> changedFields = new HashMap<>();
  private Index index;
  private long[] groupCounts;
  private final List<ContactField> addedFields = new ArrayList<>();

  ContactStore(long seed, int size, boolean anonymous, long now) {
    this.seed = seed;
    this.book = new ContactBook(seed, size, anonymous);
    this.groups = new GroupCatalog(seed);
    this.windowStart = RunPlanner.windowStart(now);
    this.now = now;
  }

  int size() {
    return book.size();
  }

  GroupCatalog groups() {
    return groups;
  }

  /** Adds a manual group with no members. */
  synchronized void addGroup(String name) {
    groups.add(name);
    groupCounts = null;
  }

  /** The contact fields: the catalog's, then those added since, in creation order. */
  List<ContactField> fields() {
    List<ContactField> all = new ArrayList<>(ContactFieldCatalog.FIELDS);
    all.addAll(addedFields);
    return all;
  }

  /** Adds a contact field no contact has a value for yet. */
  void addField(ContactField field) {
    addedFields.add(field);
  }

  /** The contact summary runs show (docs/rapidpro-api.md §2.3). */
  Contact contact(int i) {
    return book.contact(i);
  }

  /** The index of the contact with this UUID, deleted or not, or -1. */
  int indexOf(long msb, long lsb) {
    return book.indexOf(msb, lsb);
  }

  /** RapidPro deleted the contact and its runs. */
  boolean isDeleted(int i) {
    return deleted.get(i);
  }

  ContactProfile profile(int i) {
    return ContactProfile.of(seed, i, windowStart, now);
  }

  /** The contact's field values now: every field key, each with a value or null. */
  Map<String, String> fields(int i) {
    Map<String, String> changed = changedFields.get(i);
    return changed != null ? changed : profile(i).fields();
  }

  /** The contact as the contacts endpoint shows it now, deleted ones too. */
  ContactRecord record(int i) {
    Contact summary = book.contact(i);
    ContactProfile p = profile(i);
    long modified = index().modified[i];
    if (deleted.get(i)) {
      // Release blanks the contact; only the identity and the times are left (test_contacts.py).
      return new ContactRecord(
          summary.uuid(),
          null,
          summary.ref(),
          null,
          null,
          List.of(),
          List.of(),
          Map.of(),
          null,
          ApiTimes.instant(p.created()),
          ApiTimes.instant(modified),
          null,
          true);
    }
    Map<String, String> fields = fields(i);
    List<NamedRef> memberOf =
        groups.memberships(p.status().equals("active"), p.ureporter(), fields);
    return new ContactRecord(
        summary.uuid(),
        summary.name(),
        summary.ref(),
        p.status(),
        p.language(),
        summary.urn() == null ? List.of() : List.of(summary.urn()),
        memberOf,
        fields,
        null, // the simulator does not track which flow a contact waits in
        ApiTimes.instant(p.created()),
        ApiTimes.instant(modified),
        p.lastSeen() == RunPlan.NO_TIME ? null : ApiTimes.instant(p.lastSeen()),
        false);
  }

  /** When field or group {@code k} (in creation order) was made: before any contact. */
  long definedAt(int k) {
    return windowStart - 800 * 86_400_000_000L + k * 3_600_000_000L;
  }

  /** Each group's members now, by group index; counted once per change of the contacts. */
  synchronized long[] groupCounts() {
    if (groupCounts == null) {
      long[] counts = new long[groups.all().size()];
      Map<String, Integer> byUuid = new HashMap<>();
      groups.all().forEach(g -> byUuid.put(g.uuid(), g.index()));
      for (int i = 0; i < book.size(); i++) {
        if (!deleted.get(i)) {
          ContactProfile p = profile(i);
          for (NamedRef ref :
              groups.memberships(p.status().equals("active"), p.ureporter(), fields(i))) {
            counts[byUuid.get(ref.uuid())]++;
          }
        }
      }
      groupCounts = counts;
    }
    return groupCounts.clone();
  }

  /** Whether contact {@code i} is a member of group {@code g} now. */
  boolean isMember(int i, int g) {
    if (deleted.get(i)) {
      return false;
    }
    String uuid = groups.all().get(g).uuid();
    ContactProfile p = profile(i);
    return groups.memberships(p.status().equals("active"), p.ureporter(), fields(i)).stream()
        .anyMatch(ref -> ref.uuid().equals(uuid));
  }

  /**
   * Contacts in {@code (modified_on, id)} order that pass {@code accepts}, as {@link
   * ModifiedOrder#select} pages them.
   */
  List<ContactRecord> select(
      boolean descending,
      long after,
      long before,
      Long position,
      int offset,
      int limit,
      IntPredicate accepts) {
    Index ix = index();
    int[] positions =
        ix.order.select(
            ix,
            descending,
            after,
            before,
            position,
            offset,
            limit,
            (row, time, live) -> live && accepts.test(row));
    List<ContactRecord> records = new ArrayList<>(positions.length);
    for (int pos : positions) {
      records.add(record(ix.order.run(pos)));
    }
    return records;
  }

  /** RapidPro's release at {@code at}: blanked, listed under {@code deleted=true}. */
  void delete(int i, long at) {
    requireActive(i);
    deleted.set(i);
    changedFields.remove(i);
    touched(i, at);
  }

  /** A field write at {@code at}; {@code value} is what the API will show, "" clears it. */
  void setField(int i, String key, String value, long at) {
    requireActive(i);
    if (!ContactFieldCatalog.has(key)) {
      throw new IllegalArgumentException("the workspace has no contact field '" + key + "'");
    }
    Map<String, String> fields = new LinkedHashMap<>(fields(i));
    fields.put(key, value == null || value.isEmpty() ? null : value);
    changedFields.put(i, fields);
    touched(i, at);
  }

  /** Moves a contact to another district (state and ward follow) at {@code at}. */
  void move(int i, Locations.District to, int ward, long at) {
    requireActive(i);
    Map<String, String> fields = new LinkedHashMap<>(fields(i));
    ContactFieldCatalog.putLocation(fields, to, ward);
    changedFields.put(i, fields);
    touched(i, at);
  }

  private void touched(int i, long at) {
    groupCounts = null;
    Index ix = index();
    ix.modified[i] = at;
    ix.order.append(i, at);
    ix.order.compactIfSparse(ix, (row, time) -> false); // contacts are read from the primary
  }

  private void requireActive(int i) {
    if (deleted.get(i)) {
      // ContactWriteSerializer: "Deleted contacts can't be modified."
      throw new IllegalArgumentException(
          "contact " + book.contact(i).uuid() + " is deleted and can't be modified");
    }
  }

  /** The modified-on times and their order, built once on first use. */
  private synchronized Index index() {
    if (index == null) {
      long[] modified = new long[book.size()];
      for (int i = 0; i < modified.length; i++) {
        modified[i] = ContactProfile.modifiedOn(seed, i, windowStart, now);
      }
      Index built = new Index(modified);
      built.order = ModifiedOrder.of(built);
      index = built;
    }
    return index;
  }

  private static final class Index implements ModifiedTimes {
    private final long[] modified;
    private ModifiedOrder order;

    Index(long[] modified) {
      this.modified = modified;
    }

    @Override
    public int size() {
      return modified.length;
    }

    @Override
    public long modified(int i) {
      return modified[i];
    }
  }
}
