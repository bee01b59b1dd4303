package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.config.FieldSelection;
import io.flowlake.config.ReadSettings;
import io.flowlake.privacy.PersonalData;
import io.flowlake.pull.ContactsSettings;
import io.flowlake.pull.PullSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a pull chooses its window: shared by {@code pull} and {@code run}. */
final class PullOptions {

  @Option(names = "--overlap", paramLabel = "DURATION", converter = DurationConverter.class)
  Duration overlap;

  @Option(names = "--full")
  boolean full;

  @Option(names = "--parallelism", paramLabel = "N")
  Integer parallelism;

  @Option(names = "--no-contacts")
  boolean noContacts;

  @Option(names = "--contacts-requests-per-hour", paramLabel = "N")
  int contactsRequestsPerHour;

  @Option(
      names = "--contact-fields",
      paramLabel = "KEYS",
      converter = FieldSelectionConverter.class)
  FieldSelection contactFields;

  /** The fields this pull keeps; null under --no-contacts (the lake keeps what it has). */
  FieldSelection keptFields() {
    if (noContacts) {
      return null;
    }
    return contactFields == null ? FieldSelection.NONE : contactFields;
  }

  PullSettings settings(ApiConfig config, PersonalData personalData) {
    Map<String, String> options = new HashMap<>(ApiOptions.sourceOptions(config));
    // both are checked against the registry's positive-number type while parsing
    // (OptionsFromRegistry), before this runs
    if (parallelism != null) {
      options.put(ReadSettings.PARALLELISM.key(), Integer.toString(parallelism));
    }
    ContactsSettings contacts =
        new ContactsSettings(
            !noContacts,
            contactsRequestsPerHour,
            contactFields == null ? FieldSelection.NONE : contactFields);
    return new PullSettings(options, overlap, full)
        .withContacts(contacts)
        .withPersonalData(personalData);
  }
}
