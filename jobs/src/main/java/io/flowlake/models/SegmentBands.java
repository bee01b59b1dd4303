package io.flowlake.models;

import io.flowlake.config.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --segment-bands}: per dimension, its bands, e.g. {@code
 * household_size=1-2,3-5,6-;age=0-17,18-} (a {@code ;} or a new {@code name=} starts the next
 * dimension). Age dimensions have {@link #DEFAULT_AGE} unless given here.
 */
public final class SegmentBands {

  /** U-Report's age groups. */
  public static final String DEFAULT_AGE = "0-14,15-19,20-24,25-30,31-34,35-";

  private static final Pattern BAND = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9})?)?");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private SegmentBands() {}

  /**
   * @param text the option's value; null or blank for none
   * @return bands by dimension name, each list sorted from the lowest band
   * @throws ConfigException (one line) for a malformed list or bands that overlap
   */
  public static Map<String, List<SegmentBand>> parse(String text) {
    Map<String, List<SegmentBand>> bands = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return bands;
    }
    String dimension = null;
    for (String raw : text.replace(';', ',').split(",", -1)) {
      String item = raw.trim();
      int eq = item.indexOf('=');
      if (eq >= 0) {
        dimension = item.substring(0, eq).trim();
        item = item.substring(eq + 1).trim();
        if (!NAME.matcher(dimension).matches()) {
          throw bad(text, "'" + dimension + "' is not a dimension name");
        }
        if (bands.containsKey(dimension)) {
          throw bad(text, "'" + dimension + "' is given twice");
        }
        bands.put(dimension, new ArrayList<>());
      }
      if (dimension == null) {
        throw bad(text, "start with the dimension, e.g. age=0-14,15-");
      }
      bands.get(dimension).add(band(text, dimension, item));
    }
    bands.replaceAll((name, list) -> sorted(text, name, list));
    return bands;
  }

  private static SegmentBand band(String text, String dimension, String item) {
    Matcher m = BAND.matcher(item);
    if (!m.matches()) {
      throw bad(text, dimension + ": '" + item + "' is not a band like 15-19, 35- or 3");
    }
    long lo = Long.parseLong(m.group(1));
    boolean open = m.group(2) == null && item.endsWith("-");
    Long hi = open ? null : Long.valueOf(m.group(2) == null ? m.group(1) : m.group(2));
    if (hi != null && hi < lo) {
      throw bad(text, dimension + ": band '" + item + "' ends before it starts");
    }
    return new SegmentBand(lo, hi);
  }

  private static List<SegmentBand> sorted(String text, String name, List<SegmentBand> list) {
    List<SegmentBand> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparingLong(SegmentBand::lo));
    for (int i = 1; i < sorted.size(); i++) {
      SegmentBand a = sorted.get(i - 1);
      SegmentBand b = sorted.get(i);
      if (a.overlaps(b)) {
        throw bad(
            text,
            name
                + ": bands "
                + a.spelling()
                + " and "
                + b.spelling()
                + " overlap; make them disjoint");
      }
    }
    return List.copyOf(sorted);
  }

  private static ConfigException bad(String text, String why) {
    return new ConfigException("--segment-bands '" + text + "': " + why);
  }
}
