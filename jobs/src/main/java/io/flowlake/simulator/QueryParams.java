package io.flowlake.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

  /** Python truthiness of the value: present and not empty. */
  boolean isSet(String name) {
    String value = get(name);
    return value != null && !value.isEmpty();
  }

  /**
   * RapidPro's {@code str_to_bool}: true, y, yes or 1 in any case. Anything else is false, which is
   * why {@code responded=false} filters nothing (API.md §2.6).
   */
  static boolean strToBool(String text) {
    if (text == null) {
      return false;
    }
    String t = text.toLowerCase(Locale.ROOT);
    return t.equals("true") || t.equals("y") || t.equals("yes") || t.equals("1");
  }
}
