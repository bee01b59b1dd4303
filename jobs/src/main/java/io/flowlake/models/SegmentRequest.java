package io.flowlake.models;

import io.flowlake.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code --segment-by}, {@code --segment-bands} and {@code --min-segment-runs} as given, checked in
 * two steps that need no Spark and no request: {@link #parse} checks the text alone, {@link
 * #resolve} checks it against the fields the lake keeps and their types. Errors are one line naming
 * the bad value ({@link ConfigException}, exit 2). No contact's value is ever read here.
 */
public final class SegmentRequest {

  /** The dimension that is not a field. */
  public static final String GROUP = "group";

  /** The name of a {@code FIELD:age} dimension, and the key of its bands. */
  public static final String AGE = "age";

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> LOCATION_TYPES = Set.of("state", "district", "ward");

  /** One item of {@code --segment-by}: {@code gender}, {@code born:age} or {@code group}. */
  private record Item(String name, String field, boolean age) {}

  private final List<Item> items;
  private final Map<String, List<SegmentBand>> bands;
  private final Set<String> givenBands;
  private final int minSegmentRuns;

  private SegmentRequest(
      List<Item> items, Map<String, List<SegmentBand>> bands, Set<String> given, int minRuns) {
    this.items = items;
    this.bands = bands;
    this.givenBands = given;
    this.minSegmentRuns = minRuns;
  }

  /** No dimensions, the default threshold: the segment marts are written empty. */
  public static SegmentRequest none() {
    return parse(null, null, io.flowlake.config.CommandSettings.MIN_SEGMENT_RUNS.defaultValue());
  }

  /**
   * @param segmentBy e.g. {@code gender,district,born:age,group}; null or blank for none
   * @param segmentBands e.g. {@code household_size=1-2,3-5,6-}; null for the defaults
   * @throws ConfigException for a malformed or repeated dimension, bad or overlapping bands, or
   *     bands for a dimension not segmented by
   */
  public static SegmentRequest parse(String segmentBy, String segmentBands, int minSegmentRuns) {
    Map<String, Item> items = new LinkedHashMap<>();
    if (segmentBy != null && !segmentBy.isBlank()) {
      for (String raw : segmentBy.split(",", -1)) {
        Item item = item(segmentBy, raw.trim().toLowerCase(Locale.ROOT));
        if (items.put(item.name(), item) != null) {
          throw new ConfigException(
              "--segment-by '" + segmentBy + "': dimension '" + item.name() + "' is given twice");
        }
      }
    }
    Map<String, List<SegmentBand>> bands = new LinkedHashMap<>();
    bands.put(AGE, SegmentBands.parse(AGE + "=" + SegmentBands.DEFAULT_AGE).get(AGE));
    Map<String, List<SegmentBand>> given = SegmentBands.parse(segmentBands);
    for (String name : given.keySet()) {
      if (!items.containsKey(name)) {
        throw new ConfigException(
            "--segment-bands: '"
                + name
                + "' is not a dimension of --segment-by ("
                + (items.isEmpty() ? "none" : String.join(",", items.keySet()))
                + "); age bands are named age=");
      }
    }
    bands.putAll(given);
    if (minSegmentRuns < 1) {
      throw new ConfigException("--min-segment-runs " + minSegmentRuns + " must be 1 or more");
    }
    return new SegmentRequest(
        List.copyOf(items.values()), bands, Set.copyOf(given.keySet()), minSegmentRuns);
  }

  private static Item item(String segmentBy, String text) {
    if (text.equals(GROUP)) {
      return new Item(GROUP, null, false);
    }
    boolean age = text.endsWith(":" + AGE);
    String field = age ? text.substring(0, text.length() - AGE.length() - 1) : text;
    if (!KEY.matcher(field).matches()) {
      throw new ConfigException(
          "--segment-by '"
              + segmentBy
              + "': '"
              + text
              + "' is not a field key, FIELD:age or group (e.g. gender,district,born:age,group)");
    }
    return new Item(age ? AGE : field, field, age);
  }

  /** Whether any dimension was asked for. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The contact fields the dimensions read, e.g. to check they are kept. */
  public Set<String> fields() {
    Set<String> fields = new LinkedHashSet<>();
    items.stream().filter(i -> i.field() != null).forEach(i -> fields.add(i.field()));
    return fields;
  }

  /**
   * Checks only that every field is kept, for when their types are not known yet.
   *
   * @param kept whether a field key is kept
   * @param keptList how to name the kept fields in the message, e.g. {@code gender,born}
   */
  public void requireKept(java.util.function.Predicate<String> kept, String keptList) {
    for (String field : fields()) {
      if (!kept.test(field)) {
        throw notKept(field, keptList);
      }
    }
  }

  private static ConfigException notKept(String field, String keptList) {
    return new ConfigException(
        "--segment-by: '"
            + field
            + "' is not a contact field this lake keeps (kept: "
            + (keptList.isEmpty() ? "none" : keptList)
            + "); keep it with --contact-fields, or segment by another field or group");
  }

  /**
   * @param keptTypes the type (text, number, datetime, state, district, ward) of each contact field
   *     the lake keeps, by key
   * @throws ConfigException for a field the lake does not keep, a text field given bands, an age
   *     from a field that is not a number or datetime, or a number field without bands
   */
  public SegmentSettings resolve(Map<String, String> keptTypes) {
    List<SegmentDimension> dimensions = new ArrayList<>();
    for (Item item : items) {
      dimensions.add(dimension(item, keptTypes));
    }
    return new SegmentSettings(dimensions, minSegmentRuns);
  }

  private SegmentDimension dimension(Item item, Map<String, String> keptTypes) {
    List<SegmentBand> given = bands.getOrDefault(item.name(), List.of());
    if (item.field() == null) {
      requireNoBands(item, "group");
      return new SegmentDimension(GROUP, null, SegmentDimension.Kind.GROUP, List.of());
    }
    String type = keptTypes.get(item.field());
    if (type == null) {
      throw notKept(item.field(), String.join(",", new TreeSet<>(keptTypes.keySet())));
    }
    if (item.age()) {
      return switch (type) {
        case "number" -> banded(item, SegmentDimension.Kind.AGE_FROM_YEAR, given);
        case "datetime" -> banded(item, SegmentDimension.Kind.AGE_FROM_DATE, given);
        default ->
            throw new ConfigException(
                "--segment-by "
                    + item.field()
                    + ":age: '"
                    + item.field()
                    + "' is a "
                    + type
                    + " field; an age needs a number (year of birth) or datetime (date of birth)"
                    + " field");
      };
    }
    if (type.equals("number")) {
      if (!bands.containsKey(item.name())) {
        throw new ConfigException(
            "--segment-by "
                + item.name()
                + ": a number field needs bands, e.g. --segment-bands "
                + item.name()
                + "=1-2,3-5,6-");
      }
      return banded(item, SegmentDimension.Kind.BANDED_NUMBER, given);
    }
    requireNoBands(item, type);
    SegmentDimension.Kind kind =
        LOCATION_TYPES.contains(type)
            ? SegmentDimension.Kind.LOCATION
            : type.equals("datetime") ? SegmentDimension.Kind.YEAR : SegmentDimension.Kind.TEXT;
    return new SegmentDimension(item.name(), item.field(), kind, List.of());
  }

  private static SegmentDimension banded(
      Item item, SegmentDimension.Kind kind, List<SegmentBand> bands) {
    return new SegmentDimension(item.name(), item.field(), kind, bands);
  }

  private void requireNoBands(Item item, String type) {
    if (givenBands.contains(item.name())) {
      throw new ConfigException(
          "--segment-bands "
              + item.name()
              + ": '"
              + item.name()
              + "' is a "
              + type
              + " "
              + (item.field() == null ? "dimension" : "field")
              + "; bands are for number fields and FIELD:age only");
    }
  }
}
