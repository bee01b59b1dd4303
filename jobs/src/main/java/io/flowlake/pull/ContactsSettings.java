package io.flowlake.pull;

import io.flowlake.config.CommandSettings;
import io.flowlake.config.FieldSelection;
import java.util.Objects;

/**
 * What a pull does about the people behind the runs: whether it lands the {@code contacts}, {@code
 * contact_fields} and {@code groups} tables, how fast it may ask {@code contacts.json} (RapidPro's
 * {@code v2.contacts} scope, a budget apart from the runs'), and which contact fields it keeps.
 *
 * @param enabled false for {@code --no-contacts}
 * @param requestsPerHour the {@code v2.contacts} budget
 * @param fields the fields {@code contacts.fields} keeps
 */
public record ContactsSettings(boolean enabled, int requestsPerHour, FieldSelection fields) {

  /** No contacts tables: {@code --no-contacts}, and a runs-only pull built in code. */
  public static final ContactsSettings SKIPPED =
      new ContactsSettings(
          false, CommandSettings.CONTACTS_REQUESTS_PER_HOUR.defaultValue(), FieldSelection.NONE);

  public ContactsSettings {
    Objects.requireNonNull(fields, "fields");
    if (requestsPerHour < 1) {
      throw new IllegalArgumentException("requestsPerHour must be positive: " + requestsPerHour);
    }
  }

  /** Contacts landed at the default budget, keeping {@code fields}. */
  public static ContactsSettings keeping(FieldSelection fields) {
    return new ContactsSettings(
        true, CommandSettings.CONTACTS_REQUESTS_PER_HOUR.defaultValue(), fields);
  }
}
