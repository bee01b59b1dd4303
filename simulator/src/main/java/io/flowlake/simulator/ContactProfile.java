package io.flowlake.simulator;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a generated contact is apart from its name and URN ({@link ContactBook}): status, language,
 * times, field values and whether it joined U-Report, all drawn from the contact's own seeded
 * stream, so it is computed again whenever needed instead of being stored. Contacts were created
 * before the first run, were last seen (if ever) during the runs' window, and were last modified
 * after that, as receiving a message updates {@code modified_on} too.
 *
 * @param lastSeen epoch micros, or {@link RunPlan#NO_TIME} when never seen
 */
record ContactProfile(
    String status,
    String language,
    long created,
    long modified,
    long lastSeen,
    boolean ureporter,
    Map<String, String> fields) {

  private static final long SECOND = 1_000_000L;
  private static final long DAY = 86_400 * SECOND;
  private static final List<String> LANGUAGES = List.of("kin", "eng", "fra");

  /**
   * @param windowStart when the first run was created
   * @param now the generation time; every time drawn is more than a second before it
   */
  static ContactProfile of(long seed, int index, long windowStart, long now) {
    SplittableRandom rng = SeededIds.random(seed, SeededIds.CONTACT_PROFILE, index);
    long[] times = times(rng, windowStart, now);
    long created = times[0];
    long modified = times[1];
    long lastSeen = times[2];
    int u = rng.nextInt(100);
    String status = u < 90 ? "active" : u < 96 ? "stopped" : u < 99 ? "blocked" : "archived";
    int l = rng.nextInt(100);
    String language = l < 15 ? null : LANGUAGES.get(l % LANGUAGES.size());
    boolean ureporter = rng.nextInt(100) < 70;
    int year = ApiTimes.instant(now).atOffset(ZoneOffset.UTC).getYear();
    return new ContactProfile(
        status,
        language,
        created,
        modified,
        lastSeen,
        ureporter,
        ContactFieldCatalog.values(rng, created, year));
  }

  /** Only the contact's generated {@code modified_on}: what indexing all contacts needs. */
  static long modifiedOn(long seed, int index, long windowStart, long now) {
    return times(SeededIds.random(seed, SeededIds.CONTACT_PROFILE, index), windowStart, now)[1];
  }

  /** The first draws of the contact's stream: created, modified and last seen, in that order. */
  private static long[] times(SplittableRandom rng, long windowStart, long now) {
    long created = windowStart - DAY * (1 + rng.nextInt(700)) - rng.nextLong(DAY);
    long lastSeen =
        rng.nextInt(100) < 10 ? RunPlan.NO_TIME : windowStart + rng.nextLong(now - windowStart);
    long modified = Math.max(created, lastSeen == RunPlan.NO_TIME ? created : lastSeen);
    modified = Math.min(modified + rng.nextLong(DAY), now - SECOND);
    lastSeen = lastSeen == RunPlan.NO_TIME ? lastSeen : Math.min(lastSeen, modified);
    return new long[] {created, modified, lastSeen};
  }
}
