package io.flowlake.models;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** The definitions docs/marts.md states, written out in plain Java for the oracle. */
final class OracleMath {

  /** A plain decimal number, optionally signed, spaces around allowed; no exponent, no commas. */
  static final Pattern NUMBER = Pattern.compile("^ *[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+) *$");

  /** Strings ordered by Unicode code point, as Spark orders them (by their UTF-8 bytes). */
  static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private OracleMath() {}

  /**
   * Exact percentile with linear interpolation between closest ranks: position p * (n - 1) in the
   * sorted values; between two ranks, the weighted mean of their values.
   */
  static Double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    double position = p * (sorted.size() - 1);
    int lower = (int) Math.floor(position);
    int higher = (int) Math.ceil(position);
    double low = sorted.get(lower);
    double high = sorted.get(higher);
    if (lower == higher || low == high) {
      return low;
    }
    return (higher - position) * low + (position - lower) * high;
  }

  /** Whole seconds from start to end, truncated, on microsecond timestamps. */
  static long wholeSeconds(Instant start, Instant end) {
    return (micros(end) - micros(start)) / 1_000_000L;
  }

  /** Spaces (only) removed from both ends, as Spark's trim does. */
  static String trimSpaces(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && value.charAt(start) == ' ') {
      start++;
    }
    while (end > start && value.charAt(end - 1) == ' ') {
      end--;
    }
    return value.substring(start, end);
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
