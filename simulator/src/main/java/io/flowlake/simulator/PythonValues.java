package io.flowlake.simulator;

import java.math.BigInteger;
import java.util.UUID;
import java.util.regex.Pattern;

/** Python's parsing of the values RapidPro reads from query parameters. */
final class PythonValues {
  /** {@code int(text)}: outer whitespace, a sign, digits with single underscores between. */
  private static final Pattern INT = Pattern.compile("\\s*[+-]?\\d+(_\\d+)*\\s*");

  private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

  private PythonValues() {}

  /** {@code int(text)}, or null where Python raises ValueError. */
  static BigInteger integer(String text) {
    if (text == null || !INT.matcher(text).matches()) {
      return null;
    }
    return new BigInteger(text.strip().replace("_", "").replace("+", ""));
  }

  /**
   * {@code uuid.UUID(text)}, or null where Python raises ValueError: "urn:" and "uuid:" are
   * dropped, then outer braces and every hyphen, and 32 hex digits must remain.
   */
  static UUID uuid(String text) {
    String hex = text.replace("urn:", "").replace("uuid:", "");
    int from = 0;
    int to = hex.length();
    while (from < to && (hex.charAt(from) == '{' || hex.charAt(from) == '}')) {
      from++;
    }
    while (to > from && (hex.charAt(to - 1) == '{' || hex.charAt(to - 1) == '}')) {
      to--;
    }
    hex = hex.substring(from, to).replace("-", "");
    if (!HEX32.matcher(hex).matches()) {
      return null;
    }
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }
}
