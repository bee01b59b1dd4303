package io.flowlake.api;

import static io.flowlake.api.StrictJson.nextField;
import static io.flowlake.api.StrictJson.nullableString;
import static io.flowlake.api.StrictJson.nullableTimestamp;
import static io.flowlake.api.StrictJson.startObject;
import static io.flowlake.api.StrictJson.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the sub-objects of a run: {@code flow}, {@code contact}, {@code start} and {@code path}.
 */
final class RunPartsReader {

  private RunPartsReader() {}

  /**
   * {@code {uuid, name}} as {@code [uuid, name]}; the uuid is the join key, so it must be there.
   */
  static String[] readFlow(JsonParser p) throws IOException {
    NamedRef flow = StrictJson.namedRef(p, "flow");
    return new String[] {flow.uuid(), flow.name()};
  }

  /**
   * docs/rapidpro-api.md §2.3; {@code anon_display} is a deprecated duplicate of {@code ref} and
   * skipped.
   */
  static Contact readContact(JsonParser p) throws IOException {
    startObject(p, "contact");
    String uuid = null;
    String name = null;
    String urn = null;
    String urnDisplay = null;
    String ref = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "uuid" -> uuid = string(p, "contact.uuid");
        case "name" -> name = nullableString(p, "contact.name");
        case "urn" -> urn = nullableString(p, "contact.urn");
        case "urn_display" -> urnDisplay = nullableString(p, "contact.urn_display");
        case "ref" -> ref = nullableString(p, "contact.ref");
        default -> p.skipChildren();
      }
    }
    RunRecordParser.require(uuid, "contact.uuid");
    return new Contact(uuid, name, urn, urnDisplay, ref);
  }

  /** Null when the run was not created by a flow start; archives never have it. */
  static String readStart(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    startObject(p, "start");
    String uuid = null;
    while (nextField(p)) {
      if (p.currentName().equals("uuid")) {
        uuid = nullableString(p, "start.uuid");
      } else {
        p.skipChildren();
      }
    }
    return uuid;
  }

  /**
   * Null when fetched with {@code paths=false}, {@code []} when there are no steps (pitfall 16).
   */
  static List<PathStep> readPath(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    StrictJson.expect(p, JsonToken.START_ARRAY, "path", "an array");
    List<PathStep> steps = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      startObject(p, "path step");
      String node = null;
      Instant time = null;
      while (nextField(p)) {
        switch (p.currentName()) {
          case "node" -> node = nullableString(p, "path.node");
          case "time" -> time = nullableTimestamp(p, "path.time");
          default -> p.skipChildren();
        }
      }
      steps.add(new PathStep(node, time));
    }
    return Collections.unmodifiableList(steps);
  }
}
