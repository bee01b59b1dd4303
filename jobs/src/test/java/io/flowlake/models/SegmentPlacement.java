package io.flowlake.models;

import io.flowlake.api.ContactRecord;
import io.flowlake.api.NamedRef;
import io.flowlake.api.RunRecord;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which segment of each dimension a run falls in, in plain Java from docs/segments.md, without the
 * SQL: the oracle's half of int_run_segments. Contacts are as the lake holds them (kept fields
 * only); a run whose contact is not among them has no values and no groups.
 */
final class SegmentPlacement {

  static final String UNKNOWN = "(unknown)";
  static final String OTHER = "(other)";
  static final String NO_GROUP = "(no group)";
  private static final Pattern YEAR = Pattern.compile("^([0-9]{4})-");

  /** A run's segment in one dimension, with its band's place (1-based) when it has one. */
  record Placed(String dimension, String segment, Integer bandPosition) {}

  private SegmentPlacement() {}

  static List<Placed> of(
      RunRecord run, Map<String, ContactRecord> contacts, List<SegmentDimension> dimensions) {
    ContactRecord contact = run.contact() == null ? null : contacts.get(run.contact().uuid());
    List<Placed> placed = new ArrayList<>();
    for (SegmentDimension d : dimensions) {
      if (d.kind() == SegmentDimension.Kind.GROUP) {
        Set<String> names = new LinkedHashSet<>();
        if (contact != null) {
          contact.groups().stream()
              .map(NamedRef::name)
              .filter(Objects::nonNull)
              .forEach(names::add);
        }
        if (names.isEmpty()) {
          names.add(NO_GROUP);
        }
        names.forEach(n -> placed.add(new Placed(d.name(), n, null)));
      } else {
        String value = contact == null ? null : spaceTrimmed(contact.fields().get(d.field()));
        placed.add(field(d, value, run));
      }
    }
    return placed;
  }

  private static Placed field(SegmentDimension d, String value, RunRecord run) {
    if (value == null || value.isEmpty()) {
      return new Placed(d.name(), UNKNOWN, null);
    }
    return switch (d.kind()) {
      case TEXT -> new Placed(d.name(), value.toLowerCase(Locale.ROOT), null);
      case LOCATION -> {
        String[] levels = value.split(" > ", -1);
        yield new Placed(d.name(), spaceTrimmed(levels[levels.length - 1]), null);
      }
      case YEAR -> {
        Matcher m = YEAR.matcher(value);
        yield new Placed(d.name(), m.find() ? m.group(1) : UNKNOWN, null);
      }
      default -> banded(d, measure(d.kind(), value, run), d.bands());
    };
  }

  private static Double measure(SegmentDimension.Kind kind, String value, RunRecord run) {
    LocalDate runDay = run.createdOn().atZone(ZoneOffset.UTC).toLocalDate();
    try {
      return switch (kind) {
        case BANDED_NUMBER -> Double.parseDouble(value);
        case AGE_FROM_YEAR -> runDay.getYear() - Math.floor(Double.parseDouble(value));
        case AGE_FROM_DATE ->
            (double) Period.between(LocalDate.parse(value.substring(0, 10)), runDay).getYears();
        default -> throw new IllegalArgumentException("not banded: " + kind);
      };
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Placed banded(SegmentDimension d, Double measure, List<SegmentBand> bands) {
    if (measure == null) {
      return new Placed(d.name(), UNKNOWN, null);
    }
    for (int i = 0; i < bands.size(); i++) {
      SegmentBand b = bands.get(i);
      if (measure >= b.lo() && (b.hi() == null || measure < b.hi() + 1)) {
        return new Placed(d.name(), b.label(), i + 1);
      }
    }
    return new Placed(d.name(), OTHER, null);
  }

  /** Spark's trim: spaces only, not tabs or newlines. */
  private static String spaceTrimmed(String s) {
    if (s == null) {
      return null;
    }
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }
}
