package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.flowlake.api.Contact;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes a run the way RapidPro's {@code FlowRunReadSerializer} does (docs/rapidpro-api.md
 * §2.2-2.5): its field order, {@code values} as an object without {@code input}, the contact
 * summary with {@code ref} and {@code anon_display} only in anonymous workspaces, and the two
 * timestamp renderings.
 */
public final class RunJson {
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Postgres returns {@code jsonb} object keys shorter-first, then bytewise, and the serializer
   * iterates the stored {@code results} dict in that order.
   */
  private static final Comparator<String> JSONB_KEY_ORDER =
      Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

  private final boolean anonymous;
  private final char[] timeBuffer = new char[32];

  /** One writer per thread: it reuses a buffer for timestamps. */
  public RunJson(boolean anonymous) {
    this.anonymous = anonymous;
  }

  /** Writes one run object; {@code includePath=false} is the {@code paths=false} request. */
  public void write(JsonGenerator gen, RunRecord run, boolean includePath) throws IOException {
    gen.writeStartObject();
    if (run.id() == null) {
      gen.writeNullField("id");
    } else {
      gen.writeNumberField("id", run.id());
    }
    gen.writeStringField("uuid", run.uuid());
    gen.writeObjectFieldStart("flow");
    gen.writeStringField("uuid", run.flowUuid());
    gen.writeStringField("name", run.flowName());
    gen.writeEndObject();
    writeContact(gen, run.contact());
    if (run.startUuid() == null) {
      gen.writeNullField("start");
    } else {
      gen.writeObjectFieldStart("start");
      gen.writeStringField("uuid", run.startUuid());
      gen.writeEndObject();
    }
    gen.writeBooleanField("responded", run.responded());
    writePath(gen, includePath ? run.path() : null);
    writeValues(gen, run.values());
    writeIso(gen, "created_on", run.createdOn());
    writeIso(gen, "modified_on", run.modifiedOn());
    writeIso(gen, "exited_on", run.exitedOn());
    gen.writeStringField("exit_type", run.exitType());
    gen.writeEndObject();
  }

  /** One run as a compact JSON string, as the server would embed it in {@code results}. */
  public String toJson(RunRecord run, boolean includePath) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      write(gen, run, includePath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private void writeContact(JsonGenerator gen, Contact contact) throws IOException {
    gen.writeObjectFieldStart("contact");
    gen.writeStringField("uuid", contact.uuid());
    gen.writeStringField("name", contact.name());
    if (anonymous) {
      gen.writeStringField("ref", contact.ref());
    }
    gen.writeStringField("urn", contact.urn());
    gen.writeStringField("urn_display", anonymous ? null : contact.urnDisplay());
    if (anonymous) {
      gen.writeStringField("anon_display", contact.ref()); // deprecated duplicate of ref
    }
    gen.writeEndObject();
  }

  private void writePath(JsonGenerator gen, List<PathStep> path) throws IOException {
    if (path == null) {
      gen.writeNullField("path");
      return;
    }
    gen.writeArrayFieldStart("path");
    for (PathStep step : path) {
      gen.writeStartObject();
      gen.writeStringField("node", step.node());
      writeMicros(gen, "time", step.time());
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  private void writeValues(JsonGenerator gen, Map<String, ResultValue> values) throws IOException {
    gen.writeObjectFieldStart("values");
    List<String> keys = new ArrayList<>(values.keySet());
    keys.sort(JSONB_KEY_ORDER);
    for (String key : keys) {
      ResultValue value = values.get(key);
      gen.writeObjectFieldStart(key);
      gen.writeStringField("name", value.name());
      gen.writeStringField("value", value.value());
      gen.writeStringField("category", value.category());
      gen.writeStringField("node", value.node());
      writeMicros(gen, "time", value.time());
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private void writeMicros(JsonGenerator gen, String field, Instant time) throws IOException {
    gen.writeFieldName(field);
    if (time == null) {
      gen.writeNull();
    } else {
      gen.writeString(
          timeBuffer, 0, ApiTimes.write(timeBuffer, ApiTimes.micros(time), true, 'T', "Z"));
    }
  }

  private void writeIso(JsonGenerator gen, String field, Instant time) throws IOException {
    gen.writeFieldName(field);
    if (time == null) {
      gen.writeNull();
    } else {
      gen.writeString(
          timeBuffer, 0, ApiTimes.write(timeBuffer, ApiTimes.micros(time), false, 'T', "Z"));
    }
  }
}
