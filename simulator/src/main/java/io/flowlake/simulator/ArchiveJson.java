package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.flowlake.api.PathStep;
import io.flowlake.api.ResultValue;
import io.flowlake.api.RunRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a run as rp-archiver does (docs/rapidpro-api.md §6, fixtures rp-archiver_runs*.jsonl):
 * {@code id} first, a contact without URN, no {@code start}, {@code input} kept in values, and
 * Postgres' {@code +00:00} timestamps with trailing fraction zeros trimmed. A legacy record
 * (archives from 2018 to 2024) also has {@code events} and {@code submitted_by}, and its values as
 * a list of single-key objects.
 */
final class ArchiveJson {
  private static final int MAX_PATH = 500;
  private final char[] timeBuffer = new char[40];

  void write(JsonGenerator gen, RunRecord run, boolean legacy) throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("id", run.id());
    gen.writeStringField("uuid", run.uuid());
    gen.writeObjectFieldStart("flow");
    gen.writeStringField("uuid", run.flowUuid());
    gen.writeStringField("name", run.flowName());
    gen.writeEndObject();
    gen.writeObjectFieldStart("contact");
    gen.writeStringField("uuid", run.contact().uuid());
    gen.writeStringField("name", run.contact().name());
    gen.writeEndObject();
    gen.writeBooleanField("responded", run.responded());
    gen.writeArrayFieldStart("path");
    // rp-archiver keeps 500 steps since 2021-10; older (legacy) archives kept them all.
    List<PathStep> path =
        legacy || run.path().size() <= MAX_PATH ? run.path() : run.path().subList(0, MAX_PATH);
    for (PathStep step : path) {
      gen.writeStartObject();
      gen.writeStringField("node", step.node());
      writeTime(gen, "time", step.time());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    writeValues(gen, run.values(), legacy);
    if (legacy) {
      gen.writeArrayFieldStart("events");
      gen.writeEndArray();
      gen.writeNullField("submitted_by");
    }
    writeTime(gen, "created_on", run.createdOn());
    writeTime(gen, "modified_on", run.modifiedOn());
    writeTime(gen, "exited_on", run.exitedOn());
    gen.writeStringField("exit_type", run.exitType());
    gen.writeEndObject();
  }

  private void writeValues(JsonGenerator gen, Map<String, ResultValue> values, boolean legacy)
      throws IOException {
    gen.writeFieldName("values");
    if (legacy) {
      gen.writeStartArray();
    } else {
      gen.writeStartObject();
    }
    for (Map.Entry<String, ResultValue> entry : List.copyOf(values.entrySet())) {
      if (legacy) {
        gen.writeStartObject();
      }
      ResultValue v = entry.getValue();
      gen.writeObjectFieldStart(entry.getKey());
      gen.writeStringField("name", v.name());
      gen.writeStringField("node", v.node());
      writeTime(gen, "time", v.time());
      // The archive keeps the contact's raw text, which the API stopped sending in Dec 2024.
      gen.writeStringField("input", inputOf(v));
      gen.writeStringField("value", v.value());
      gen.writeStringField("category", v.category());
      gen.writeEndObject();
      if (legacy) {
        gen.writeEndObject();
      }
    }
    if (legacy) {
      gen.writeEndArray();
    } else {
      gen.writeEndObject();
    }
  }

  /** What an archive holds as {@code input}: the generator's answers are typed as their value. */
  static String inputOf(ResultValue v) {
    return v.input() != null ? v.input() : v.value();
  }

  private void writeTime(JsonGenerator gen, String field, Instant time) throws IOException {
    gen.writeFieldName(field);
    if (time == null) {
      gen.writeNull();
      return;
    }
    int length = ApiTimes.write(timeBuffer, ApiTimes.micros(time), false, 'T', "");
    int dot = -1;
    for (int i = length - 1; i >= 0 && timeBuffer[i] != ':'; i--) {
      if (timeBuffer[i] == '.') {
        dot = i;
      }
    }
    if (dot >= 0) {
      while (timeBuffer[length - 1] == '0') {
        length--;
      }
    }
    "+00:00".getChars(0, 6, timeBuffer, length);
    gen.writeString(timeBuffer, 0, length + 6);
  }
}
