package io.flowlake.simulator;

import io.flowlake.api.Contact;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The workspace's contacts, derived from the seed rather than stored, so a two-million-run
 * workspace costs no memory for them. Contact ids are {@code index + 1}.
 */
final class ContactBook {
  private static final List<String> FIRST_NAMES =
      List.of(
          "Amina",
          "Jean",
          "Grace",
          "Eric",
          "Aline",
          "Patrick",
          "Diane",
          "Emmanuel",
          "Claudine",
          "Joseph",
          "Esther",
          "David",
          "Fatuma",
          "Samuel",
          "Ruth",
          "Olivier",
          "Mercy",
          "Kevin",
          "Josiane",
          "Innocent",
          "Sarah",
          "Brian",
          "Chantal",
          "Moses");
  private static final List<String> LAST_NAMES =
      List.of(
          "Uwase",
          "Mugisha",
          "Niyonzima",
          "Habimana",
          "Ingabire",
          "Nshimiyimana",
          "Mukamana",
          "Okafor",
          "Achieng",
          "Otieno",
          "Banda",
          "Phiri",
          "Mensah",
          "Nakato",
          "Kamau",
          "Mwangi");

  /** RapidPro's {@code ContactURN.ANON_MASK}: the path of every URN in an anonymous workspace. */
  private static final String ANON_MASK = "********";

  private final long seed;
  private final int size;
  private final boolean anonymous;

  ContactBook(long seed, int size, boolean anonymous) {
    this.seed = seed;
    this.size = size;
    this.anonymous = anonymous;
  }

  int size() {
    return size;
  }

  Contact contact(int index) {
    SplittableRandom rng = SeededIds.random(seed, SeededIds.CONTACT, index);
    String name =
        rng.nextInt(100) < 8
            ? null
            : FIRST_NAMES.get(rng.nextInt(FIRST_NAMES.size()))
                + " "
                + LAST_NAMES.get(rng.nextInt(LAST_NAMES.size()));
    int kind = rng.nextInt(100);
    String subscriber = Integer.toString(88_000_000 + rng.nextInt(12_000_000));
    String urn;
    String display;
    if (kind < 85) {
      urn = "tel:+2507" + subscriber;
      display =
          "07"
              + subscriber.substring(0, 2)
              + " "
              + subscriber.substring(2, 5)
              + " "
              + subscriber.substring(5);
    } else if (kind < 95) {
      urn = "whatsapp:2507" + subscriber;
      display =
          "+250 7"
              + subscriber.substring(0, 2)
              + " "
              + subscriber.substring(2, 5)
              + " "
              + subscriber.substring(5);
    } else {
      urn = null;
      display = null;
    }
    String uuid = SeededIds.uuid(seed, SeededIds.CONTACT, index);
    if (!anonymous) {
      return new Contact(uuid, name, urn, display, null);
    }
    // docs/rapidpro-api.md §2.3: the URN path is masked, urn_display is null, and ref is the padded
    // contact id.
    String masked = urn == null ? null : urn.substring(0, urn.indexOf(':') + 1) + ANON_MASK;
    return new Contact(uuid, name, masked, null, paddedId(index + 1L));
  }

  /** RapidPro's {@code f"{contact.id:010}"}. */
  private static String paddedId(long id) {
    String digits = Long.toString(id);
    return "0".repeat(Math.max(0, 10 - digits.length())) + digits;
  }

  /** The index of the contact with this UUID, or -1. */
  int indexOf(long msb, long lsb) {
    for (int i = 0; i < size; i++) {
      if (SeededIds.uuidMsb(seed, SeededIds.CONTACT, i) == msb
          && SeededIds.uuidLsb(seed, SeededIds.CONTACT, i) == lsb) {
        return i;
      }
    }
    return -1;
  }
}
