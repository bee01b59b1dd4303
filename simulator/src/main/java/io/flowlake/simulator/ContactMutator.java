package io.flowlake.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes to contacts the way RapidPro does: each write sets {@code modified_on} from the workspace
 * clock, moving the contact to the head of the contacts' modified-on order. Deleting a contact
 * hard-deletes its runs (docs/rapidpro-api.md §7): they leave the runs endpoint and the flows'
 * counts, but run archives already written keep them.
 */
final class ContactMutator {
  private final RunStore store;
  private final MicrosClock clock;
  private final SplittableRandom rng;

  ContactMutator(RunStore store, MicrosClock clock, SplittableRandom rng) {
    this.store = store;
    this.clock = clock;
    this.rng = rng;
  }

  /** Deletes the contact and returns the UUIDs of the runs that went with it. */
  List<String> delete(String contactUuid) {
    int c = index(contactUuid);
    List<String> runs = new ArrayList<>();
    RunTable table = store.table();
    for (int i = 0; i < table.size(); i++) {
      if (table.contact(i) == c) {
        runs.add(store.uuid(i));
      }
    }
    store.contacts().delete(c, clock.tick());
    return runs;
  }

  void setField(String contactUuid, String key, String value) {
    store.contacts().setField(index(contactUuid), key, value, clock.tick());
  }

  /**
   * Moves up to {@code n} active contacts that have a district to another district, each in its own
   * write, and returns their UUIDs.
   */
  List<String> move(int n) {
    ContactStore contacts = store.contacts();
    List<String> moved = new ArrayList<>(n);
    for (int tries = 0; moved.size() < n && tries < 100 * (n + 1); tries++) {
      int c = rng.nextInt(contacts.size());
      String from =
          contacts.isDeleted(c) ? null : contacts.fields(c).get(ContactFieldCatalog.DISTRICT);
      if (from == null) {
        continue;
      }
      Locations.District to;
      do {
        to = Locations.DISTRICTS.get(rng.nextInt(Locations.DISTRICTS.size()));
      } while (to.path().equals(from));
      contacts.move(c, to, rng.nextInt(to.wards().size()), clock.tick());
      String uuid = contacts.contact(c).uuid();
      if (!moved.contains(uuid)) {
        moved.add(uuid);
      }
    }
    return moved;
  }

  private int index(String contactUuid) {
    UUID uuid = UUID.fromString(contactUuid);
    int c = store.contacts().indexOf(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    if (c < 0) {
      throw new IllegalArgumentException("the workspace has no contact " + contactUuid);
    }
    return c;
  }
}
