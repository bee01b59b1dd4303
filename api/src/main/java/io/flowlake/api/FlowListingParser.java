package io.flowlake.api;

import static io.flowlake.api.StrictJson.nextField;
import static io.flowlake.api.StrictJson.nullableLong;
import static io.flowlake.api.StrictJson.nullableString;
import static io.flowlake.api.StrictJson.startObject;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a page of {@code /api/v2/flows.json}: the flows' names, run counts and result keys. Labels,
 * parent refs, node uuids and the rest are skipped.
 */
final class FlowListingParser {

  private FlowListingParser() {}

  static PageEnvelope.Listing<FlowSummary> parse(byte[] body) {
    return PageEnvelope.read(body, "flows page", FlowListingParser::readFlow);
  }

  private static FlowSummary readFlow(JsonParser p) throws IOException {
    startObject(p, "flow");
    String uuid = null;
    String name = null;
    Map<String, Long> runs = Map.of();
    List<FlowResult> results = List.of();
    while (nextField(p)) {
      switch (p.currentName()) {
        case "uuid" -> uuid = StrictJson.string(p, "flow.uuid");
        case "name" -> name = nullableString(p, "flow.name");
        case "runs" -> runs = readRunCounts(p);
        case "results" -> results = readResults(p);
        default -> p.skipChildren();
      }
    }
    if (uuid == null) {
      throw new RecordFormatException("a flow has no uuid");
    }
    return new FlowSummary(uuid, name, runs, results);
  }

  // Any status the server counts is kept, so a status added later is not lost.
  private static Map<String, Long> readRunCounts(JsonParser p) throws IOException {
    startObject(p, "flow.runs");
    Map<String, Long> counts = new LinkedHashMap<>();
    while (nextField(p)) {
      Long count = nullableLong(p, "flow.runs." + p.currentName());
      counts.put(p.currentName(), count == null ? 0L : count);
    }
    return Collections.unmodifiableMap(counts);
  }

  private static List<FlowResult> readResults(JsonParser p) throws IOException {
    StrictJson.expect(p, JsonToken.START_ARRAY, "flow.results", "an array");
    List<FlowResult> results = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      startObject(p, "flow result");
      String key = null;
      String name = null;
      List<String> categories = List.of();
      while (nextField(p)) {
        switch (p.currentName()) {
          case "key" -> key = StrictJson.string(p, "flow.results.key");
          case "name" -> name = nullableString(p, "flow.results.name");
          case "categories" -> categories = readStrings(p, "flow.results.categories");
          default -> p.skipChildren();
        }
      }
      if (key == null) {
        throw new RecordFormatException("a result of a flow has no key");
      }
      results.add(new FlowResult(key, name, categories));
    }
    return List.copyOf(results);
  }

  private static List<String> readStrings(JsonParser p, String field) throws IOException {
    StrictJson.expect(p, JsonToken.START_ARRAY, field, "an array");
    List<String> strings = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      strings.add(StrictJson.string(p, field));
    }
    return strings;
  }
}
