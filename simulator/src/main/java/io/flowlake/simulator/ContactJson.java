package io.flowlake.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.NamedRef;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes contacts, fields and groups the way RapidPro's {@code ContactReadSerializer}, {@code
 * ContactFieldReadSerializer} and {@code ContactGroupReadSerializer} do: their field order, {@code
 * ref} and {@code anon_display} only in anonymous workspaces, the deprecated {@code blocked}/{@code
 * stopped}, {@code label} and {@code value_type}, and DRF's timestamps.
 */
final class ContactJson {
  private ContactJson() {}

  static void writeContact(JsonGenerator gen, ContactRecord c, boolean anonymous)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("uuid", c.uuid());
    gen.writeStringField("name", c.name());
    if (anonymous) {
      gen.writeStringField("ref", c.ref());
      gen.writeStringField("anon_display", c.ref()); // deprecated duplicate of ref
    }
    gen.writeStringField("status", c.status());
    gen.writeStringField("language", c.language());
    gen.writeArrayFieldStart("urns");
    for (String urn : c.urns()) {
      gen.writeString(urn);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("groups");
    for (NamedRef group : c.groups()) {
      writeRef(gen, group);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("notes");
    gen.writeEndArray();
    gen.writeObjectFieldStart("fields");
    for (Map.Entry<String, String> field : c.fields().entrySet()) {
      gen.writeStringField(field.getKey(), field.getValue());
    }
    gen.writeEndObject();
    if (c.flow() == null) {
      gen.writeNullField("flow");
    } else {
      gen.writeFieldName("flow");
      writeRef(gen, c.flow());
    }
    writeIso(gen, "created_on", c.createdOn());
    writeIso(gen, "modified_on", c.modifiedOn());
    writeIso(gen, "last_seen_on", c.lastSeenOn());
    writeStatusFlag(gen, "blocked", c, "blocked");
    writeStatusFlag(gen, "stopped", c, "stopped");
    gen.writeEndObject();
  }

  /**
   * @param groupUsages how many groups' queries use the field
   */
  static void writeField(JsonGenerator gen, ContactField f, int groupUsages) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("key", f.key());
    gen.writeStringField("name", f.name());
    gen.writeStringField("type", f.type());
    gen.writeBooleanField("featured", false);
    gen.writeNumberField("priority", 0);
    gen.writeObjectFieldStart("usages");
    gen.writeNumberField("flows", 0);
    gen.writeNumberField("groups", groupUsages);
    gen.writeNumberField("campaign_events", 0);
    gen.writeEndObject();
    gen.writeStringField("agent_access", "view");
    gen.writeStringField("label", f.name());
    gen.writeStringField("value_type", f.type().equals("number") ? "numeric" : f.type());
    gen.writeEndObject();
  }

  static void writeGroup(JsonGenerator gen, ContactGroup g) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("uuid", g.uuid());
    gen.writeStringField("name", g.name());
    gen.writeStringField("query", g.query());
    gen.writeStringField("status", g.status());
    gen.writeBooleanField("system", g.system());
    gen.writeNumberField("count", g.count());
    gen.writeEndObject();
  }

  private static void writeRef(JsonGenerator gen, NamedRef ref) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("uuid", ref.uuid());
    gen.writeStringField("name", ref.name());
    gen.writeEndObject();
  }

  /** Null for a deleted contact, whose status is null. */
  private static void writeStatusFlag(
      JsonGenerator gen, String field, ContactRecord c, String status) throws IOException {
    if (c.status() == null) {
      gen.writeNullField(field);
    } else {
      gen.writeBooleanField(field, c.status().equals(status));
    }
  }

  private static void writeIso(JsonGenerator gen, String field, Instant time) throws IOException {
    gen.writeStringField(field, time == null ? null : ApiTimes.formatIso(ApiTimes.micros(time)));
  }
}
