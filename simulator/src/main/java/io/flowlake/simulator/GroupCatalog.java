package io.flowlake.simulator;

import io.flowlake.api.NamedRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo workspace's contact groups, in creation (id) order: RapidPro's system group "Open
 * Tickets" (no simulated contact has a ticket), a manual group "U-Reporters", and two smart groups
 * whose members follow from field values, so a changed district moves a contact in or out of "Pilot
 * District". As in RapidPro, only active contacts are members of any group.
 */
final class GroupCatalog {
  /** A group; {@code query} is null for the manual group. */
  record Group(int index, String uuid, String name, String query, boolean system) {}

  static final int OPEN_TICKETS = 0;
  static final int U_REPORTERS = 1;
  static final int YOUTH = 2;
  static final int PILOT_DISTRICT = 3;

  static final int YOUTH_BORN_FROM = 2001;
  static final String PILOT_DISTRICT_NAME = "Nyarugenge";

  private final long seed;
  private final List<Group> groups = new ArrayList<>();

  GroupCatalog(long seed) {
    this.seed = seed;
    groups.addAll(
        List.of(
            group(seed, OPEN_TICKETS, "Open Tickets", "tickets > 0", true),
            group(seed, U_REPORTERS, "U-Reporters", null, false),
            group(seed, YOUTH, "Youth", "born >= " + YOUTH_BORN_FROM, false),
            group(
                seed,
                PILOT_DISTRICT,
                "Pilot District",
                "district = \"" + PILOT_DISTRICT_NAME + "\"",
                false)));
  }

  /** A manual group made now, with no members yet. */
  void add(String name) {
    groups.add(group(seed, groups.size(), name, null, false));
  }

  private static Group group(long seed, int index, String name, String query, boolean system) {
    return new Group(index, SeededIds.uuid(seed, SeededIds.GROUP, index), name, query, system);
  }

  List<Group> all() {
    return List.copyOf(groups);
  }

  /** The groups of a contact, in id order, as the contacts endpoint shows them. */
  List<NamedRef> memberships(boolean active, boolean ureporter, Map<String, String> fields) {
    List<NamedRef> member = new ArrayList<>(3);
    if (!active) {
      return member;
    }
    for (Group g : groups) {
      if (isMember(g.index(), ureporter, fields)) {
        member.add(new NamedRef(g.uuid(), g.name()));
      }
    }
    return member;
  }

  private static boolean isMember(int group, boolean ureporter, Map<String, String> fields) {
    return switch (group) {
      case U_REPORTERS -> ureporter;
      case YOUTH -> {
        String born = fields.get(ContactFieldCatalog.BORN);
        yield born != null && atLeast(born, YOUTH_BORN_FROM);
      }
      case PILOT_DISTRICT -> {
        String district = fields.get(ContactFieldCatalog.DISTRICT);
        yield district != null && district.endsWith(" > " + PILOT_DISTRICT_NAME);
      }
      default -> false;
    };
  }

  /**
   * A number field's value compared as RapidPro's decimal; text that is no number never matches.
   */
  private static boolean atLeast(String number, int bound) {
    try {
      return new BigDecimal(number).compareTo(BigDecimal.valueOf(bound)) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
