package io.flowlake.cli;

import io.flowlake.config.ConfigException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Contact UUIDs as {@code forget --contact} takes them, lowercased as RapidPro writes them. A bad
 * one is refused by its position, never quoted: what was typed may be a phone number or a name.
 */
final class ContactUuids {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  static List<String> parse(List<String> given) {
    for (int i = 0; i < given.size(); i++) {
      if (!UUID.matcher(given.get(i).strip().toLowerCase(Locale.ROOT)).matches()) {
        throw new ConfigException(
            "--contact value "
                + (i + 1)
                + " of "
                + given.size()
                + " is not a contact UUID (8-4-4-4-12 hex digits): give each contact's UUID");
      }
    }
    return given.stream().map(u -> u.strip().toLowerCase(Locale.ROOT)).distinct().toList();
  }

  private ContactUuids() {}
}
