package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A flow as RapidPro's {@code FlowReadSerializer} writes it. */
final class FlowJson {
  private FlowJson() {}

  /** {@code counts} are indexed by {@link RunStatus#ordinal()}. */
  static void write(JsonGenerator gen, FlowDefinition flow, long[] counts) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("uuid", flow.uuid());
    gen.writeStringField("name", flow.name());
    gen.writeStringField("type", flow.type());
    gen.writeBooleanField("archived", flow.archived());
    gen.writeArrayFieldStart("labels");
    gen.writeEndArray();
    gen.writeNumberField("expires", flow.expiresMinutes());
    gen.writeObjectFieldStart("runs");
    for (RunStatus status : RunStatus.values()) {
      gen.writeNumberField(status.countKey(), counts[status.ordinal()]);
    }
    gen.writeEndObject();
    gen.writeArrayFieldStart("results");
    for (FlowResult result : flow.results()) {
      gen.writeStartObject();
      gen.writeStringField("key", result.key());
      gen.writeStringField("name", result.name());
      gen.writeArrayFieldStart("categories");
      for (String category : result.categories()) {
        gen.writeString(category);
      }
      gen.writeEndArray();
      gen.writeArrayFieldStart("node_uuids");
      for (String node : result.nodeUuids()) {
        gen.writeString(node);
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("parent_refs");
    gen.writeEndArray();
    gen.writeStringField("created_on", ApiTimes.formatIso(ApiTimes.micros(flow.createdOn())));
    gen.writeStringField("modified_on", ApiTimes.formatIso(ApiTimes.micros(flow.modifiedOn())));
    gen.writeEndObject();
  }
}
