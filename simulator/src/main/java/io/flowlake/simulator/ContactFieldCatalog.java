package io.flowlake.simulator;

import io.flowlake.api.ContactField;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo workspace's contact fields, U-Report style: one of each type RapidPro has, and the
 * values a contact holds in them, drawn from the contact's seeded stream. Values are kept as the
 * API serialises them: free text, a number as decimal text, a date in the workspace's offset, a
 * location as its path; null when the contact has none.
 */
final class ContactFieldCatalog {
  static final String GENDER = "gender";
  static final String BORN = "born";
  static final String STATE = "state";
  static final String DISTRICT = "district";
  static final String WARD = "ward";
  static final String REGISTRATION_DATE = "registration_date";

  /** In creation order; the endpoint lists them newest first. */
  static final List<ContactField> FIELDS =
      List.of(
          new ContactField(GENDER, "Gender", "text"),
          new ContactField(BORN, "Born", "number"),
          new ContactField(STATE, "State", "state"),
          new ContactField(DISTRICT, "District", "district"),
          new ContactField(WARD, "Ward", "ward"),
          new ContactField(REGISTRATION_DATE, "Registration Date", "datetime"));

  /**
   * Text fields hold what people typed: casings vary and some answers are not the expected ones.
   */
  private static final List<String> GENDERS =
      List.of("female", "male", "Female", "Male", "F", "M", "FEMALE", "MALE", "other");

  private static final int[] GENDER_WEIGHTS = {30, 26, 10, 9, 4, 4, 2, 2, 2};

  /** The workspace's timezone (Africa/Kigali): RapidPro writes datetime values in it. */
  static final ZoneOffset OFFSET = ZoneOffset.ofHours(2);

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(OFFSET);

  private ContactFieldCatalog() {}

  static boolean has(String key) {
    return FIELDS.stream().anyMatch(f -> f.key().equals(key));
  }

  /** Every field key with the contact's value or null; about one contact in 20 has none at all. */
  static Map<String, String> values(SplittableRandom rng, long createdMicros, int currentYear) {
    Map<String, String> values = new LinkedHashMap<>();
    FIELDS.forEach(f -> values.put(f.key(), null));
    if (rng.nextInt(100) < 5) {
      return values;
    }
    if (rng.nextInt(100) >= 12) {
      values.put(GENDER, GENDERS.get(weighted(rng, GENDER_WEIGHTS)));
    }
    if (rng.nextInt(100) >= 10) {
      // U-Report's year of birth: mostly young people, some older.
      int age = 13 + (int) Math.min(60, Math.abs(rng.nextGaussian()) * 12);
      values.put(BORN, Integer.toString(currentYear - age));
    }
    if (rng.nextInt(100) >= 15) {
      Locations.District d = Locations.DISTRICTS.get(rng.nextInt(Locations.DISTRICTS.size()));
      putLocation(values, d, rng.nextInt(100) < 60 ? rng.nextInt(d.wards().size()) : -1);
    }
    if (rng.nextInt(100) >= 20) {
      long seconds = Math.floorDiv(createdMicros, 1_000_000L);
      values.put(REGISTRATION_DATE, DATETIME.format(Instant.ofEpochSecond(seconds)));
    }
    return values;
  }

  /** Sets state, district and ward together, as a flow that saves a location would. */
  static void putLocation(Map<String, String> values, Locations.District d, int ward) {
    values.put(STATE, d.statePath());
    values.put(DISTRICT, d.path());
    values.put(WARD, ward < 0 ? null : d.wardPath(ward));
  }

  private static int weighted(SplittableRandom rng, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int u = rng.nextInt(total);
    for (int k = 0; k < weights.length; k++) {
      u -= weights[k];
      if (u < 0) {
        return k;
      }
    }
    return weights.length - 1;
  }
}
