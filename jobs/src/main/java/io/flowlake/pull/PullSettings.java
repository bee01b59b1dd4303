package io.flowlake.pull;

import io.flowlake.privacy.PersonalData;
import java.time.Duration;
import java.util.Map;

/**
 * What a pull needs beyond the lake: the {@code rapidpro} source options (API, token, pacing), the
 * overlap re-read below the watermark on incremental pulls (docs/rapidpro-api.md pitfall 4: a row
 * can become visible after its {@code modified_on} has been passed), whether to ignore the
 * watermark, how many windows to merge and record at a time ({@code chunkWindows}), which bounds
 * what a crash makes the next pull fetch again, the contacts to land, and what the lake keeps of
 * contact names and URNs ({@code personalData}, the one policy for runs, contacts and rejects).
 */
public record PullSettings(
    Map<String, String> sourceOptions,
    Duration overlap,
    boolean full,
    int chunkWindows,
    ContactsSettings contacts,
    PersonalData personalData) {

  /**
   * Windows per chunk by default: at most ~1,500 pages (windows hold up to 64), about 25 minutes at
   * RapidPro's default budget, so a crash costs at most that, while the merges (a Delta commit
   * each) stay few.
   */
  public static final int DEFAULT_CHUNK_WINDOWS = 24;

  public PullSettings {
    sourceOptions = Map.copyOf(sourceOptions);
    contacts = contacts == null ? ContactsSettings.SKIPPED : contacts;
    personalData = personalData == null ? PersonalData.drop() : personalData;
    if (chunkWindows < 1) {
      throw new IllegalArgumentException("chunkWindows must be positive: " + chunkWindows);
    }
  }

  /**
   * A runs-only pull ({@link ContactsSettings#SKIPPED}) under the default policy, {@code drop}, as
   * code and tests of runs build it.
   */
  public PullSettings(
      Map<String, String> sourceOptions, Duration overlap, boolean full, int chunkWindows) {
    this(sourceOptions, overlap, full, chunkWindows, ContactsSettings.SKIPPED, PersonalData.drop());
  }

  /** A runs-only pull in chunks of {@link #DEFAULT_CHUNK_WINDOWS}, under {@code drop}. */
  public PullSettings(Map<String, String> sourceOptions, Duration overlap, boolean full) {
    this(sourceOptions, overlap, full, DEFAULT_CHUNK_WINDOWS);
  }

  /** This pull with {@code contacts} landed as they say. */
  public PullSettings withContacts(ContactsSettings contacts) {
    return new PullSettings(sourceOptions, overlap, full, chunkWindows, contacts, personalData);
  }

  /** This pull keeping of names and URNs what {@code personalData} keeps. */
  public PullSettings withPersonalData(PersonalData personalData) {
    return new PullSettings(sourceOptions, overlap, full, chunkWindows, contacts, personalData);
  }

  @Override
  public String toString() {
    return "PullSettings[overlap="
        + overlap
        + ", full="
        + full
        + ", chunkWindows="
        + chunkWindows
        + ", contacts="
        + contacts
        + ", personalData="
        + personalData
        + "]";
  }
}
