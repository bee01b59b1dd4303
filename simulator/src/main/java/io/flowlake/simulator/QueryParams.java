package io.flowlake.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A request's query parameters with Django {@code QueryDict} semantics. */
final class QueryParams {
  private final List<Map.Entry<String, String>> pairs;

  private QueryParams(List<Map.Entry<String, String>> pairs) {
    this.pairs = pairs;
  }

  static QueryParams parse(String rawQuery) {
    return new QueryParams(PythonUrlEncoding.parsePairs(rawQuery));
  }

  /** {@code QueryDict.get}: the last value given for the name, or null. */
  String get(String name) {
    String found = null;
    for (Map.Entry<String, String> pair : pairs) {
      if (pair.getKey().equals(name)) {
        found = pair.getValue();
      }
    }
    return found;
  }

  /** {@code QueryDict.getlist}. */
  List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> pair : pairs) {
      if (pair.getKey().equals(name)) {
        values.add(pair.getValue());
      }
    }
    return values;
  }

  /**
   * RapidPro's {@code get_uuid_param} (docs/rapidpro-api.md §2.6): the first value, absent when
   * empty; a value that is not a UUID is a 400.
   */
  UUID uuid(String name) {
    List<String> values = all(name);
    if (values.size() > 100) {
      throw ApiError.badRequest("Param '" + name + "' can have at most 100 values.");
    }
    if (values.isEmpty() || values.get(0).isEmpty()) {
      return null;
    }
    UUID uuid = PythonValues.uuid(values.get(0));
    if (uuid == null) {
      throw ApiError.badRequest("Param '" + name + "': " + values.get(0) + " is not a valid UUID.");
    }
    return uuid;
  }

  /** RapidPro's {@code get_int_param}: Python's {@code int()} of the value, else a 400. */
  BigInteger integer(String name) {
    String value = get(name);
    if (value == null) {
      return null;
    }
    BigInteger parsed = PythonValues.integer(value);
    if (parsed == null) {
      throw ApiError.badRequest("Value for " + name + " must be an integer");
    }
    return parsed;
  }

  /** Python truthiness of the value: present and not empty. */
  boolean isSet(String name) {
    String value = get(name);
    return value != null && !value.isEmpty();
  }

  /**
   * RapidPro's {@code str_to_bool}: true, y, yes or 1 in any case. Anything else is false, which is
   * why {@code responded=false} filters nothing (docs/rapidpro-api.md §2.6).
   */
  static boolean strToBool(String text) {
    if (text == null) {
      return false;
    }
    String t = text.toLowerCase(Locale.ROOT);
    return t.equals("true") || t.equals("y") || t.equals("yes") || t.equals("1");
  }
}
