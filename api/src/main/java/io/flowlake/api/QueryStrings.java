package io.flowlake.api;

import io.flowlake.config.ConfigException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Builds the query strings of first-page URLs and checks the values that go into them. */
final class QueryStrings {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private QueryStrings() {}

  /** Appends {@code &name=value}, the value percent-encoded (a bare '+' would read as a space). */
  static void param(StringBuilder query, String name, String value) {
    if (!query.isEmpty()) {
      query.append('&');
    }
    query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  /**
   * The trimmed UUID, or null when blank. A malformed UUID is a 400 for some filters and silently
   * matches nothing for others (docs/rapidpro-api.md §2.6): better to say so before the pull
   * starts.
   */
  static String uuidOrNull(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    if (!UUID.matcher(trimmed).matches()) {
      throw new ConfigException(
          name + " '" + value + "' is not a UUID: expected 8-4-4-4-12 hex digits");
    }
    return trimmed;
  }
}
