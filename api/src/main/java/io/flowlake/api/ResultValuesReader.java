package io.flowlake.api;

import static io.flowlake.api.StrictJson.nextField;
import static io.flowlake.api.StrictJson.nullableString;
import static io.flowlake.api.StrictJson.nullableTimestamp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a run's {@code values} in both shapes RapidPro has written: an object keyed by result key
 * (docs/rapidpro-api.md pitfall 17) and, in archives from 2018, an array of single-key objects
 * {@code [{"color": {...}}, ...]} (docs/rapidpro-api.md §6). Key order is kept.
 */
final class ResultValuesReader {

  private ResultValuesReader() {}

  static Map<String, ResultValue> read(JsonParser p) throws IOException {
    Map<String, ResultValue> values = new LinkedHashMap<>();
    if (p.currentToken() == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        readKeyed(p, values);
      }
    } else if (p.currentToken() != JsonToken.VALUE_NULL) {
      readKeyed(p, values);
    }
    return Collections.unmodifiableMap(values);
  }

  private static void readKeyed(JsonParser p, Map<String, ResultValue> values) throws IOException {
    StrictJson.startObject(p, "values");
    while (nextField(p)) {
      String key = p.currentName();
      values.put(key, readValue(p, "values." + StrictJson.clip(key)));
    }
  }

  /**
   * docs/rapidpro-api.md §2.4; archives fill missing keys with null, so every part is nullable
   * here.
   */
  private static ResultValue readValue(JsonParser p, String field) throws IOException {
    StrictJson.startObject(p, field);
    String name = null;
    String value = null;
    String category = null;
    String node = null;
    Instant time = null;
    String input = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "name" -> name = nullableString(p, field + ".name");
        case "value" -> value = nullableString(p, field + ".value");
        case "category" -> category = nullableString(p, field + ".category");
        case "node" -> node = nullableString(p, field + ".node");
        case "time" -> time = nullableTimestamp(p, field + ".time");
        case "input" -> input = nullableString(p, field + ".input");
        default -> p.skipChildren();
      }
    }
    return new ResultValue(name, value, category, node, time, input);
  }
}
