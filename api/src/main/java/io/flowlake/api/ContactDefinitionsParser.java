package io.flowlake.api;

import static io.flowlake.api.StrictJson.nextField;
import static io.flowlake.api.StrictJson.nullableString;
import static io.flowlake.api.StrictJson.startObject;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Map;

/**
 * Reads pages of {@code /api/v2/fields.json} and {@code /api/v2/groups.json}, small listings read
 * whole (see {@link PageEnvelope}). Fields are read from {@code name}/{@code type}, or from the
 * deprecated {@code label}/{@code value_type} that older servers send alone.
 */
final class ContactDefinitionsParser {

  /** {@code value_type}'s names where they differ from {@code type}'s. */
  private static final Map<String, String> LEGACY_TYPES = Map.of("numeric", "number");

  private ContactDefinitionsParser() {}

  static PageEnvelope.Listing<ContactField> parseFields(byte[] body) {
    return PageEnvelope.read(body, "fields page", ContactDefinitionsParser::readField);
  }

  static PageEnvelope.Listing<ContactGroup> parseGroups(byte[] body) {
    return PageEnvelope.read(body, "groups page", ContactDefinitionsParser::readGroup);
  }

  private static ContactField readField(JsonParser p) throws IOException {
    startObject(p, "field");
    String key = null;
    String name = null;
    String label = null;
    String type = null;
    String valueType = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "key" -> key = StrictJson.string(p, "field.key");
        case "name" -> name = nullableString(p, "field.name");
        case "label" -> label = nullableString(p, "field.label");
        case "type" -> type = nullableString(p, "field.type");
        case "value_type" -> valueType = nullableString(p, "field.value_type");
        default -> p.skipChildren();
      }
    }
    if (key == null) {
      throw new RecordFormatException("a field has no key");
    }
    if (type == null && valueType != null) {
      type = LEGACY_TYPES.getOrDefault(valueType, valueType);
    }
    if (type == null) {
      throw new RecordFormatException("field " + key + " has no type");
    }
    return new ContactField(key, name != null ? name : label, type);
  }

  private static ContactGroup readGroup(JsonParser p) throws IOException {
    startObject(p, "group");
    String uuid = null;
    String name = null;
    String query = null;
    String status = null;
    boolean system = false;
    Long count = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "uuid" -> uuid = StrictJson.string(p, "group.uuid");
        case "name" -> name = nullableString(p, "group.name");
        case "query" -> query = nullableString(p, "group.query");
        case "status" -> status = nullableString(p, "group.status");
        case "system" -> system = StrictJson.bool(p, "group.system");
        case "count" -> count = StrictJson.nullableLong(p, "group.count");
        default -> p.skipChildren();
      }
    }
    if (uuid == null) {
      throw new RecordFormatException("a group has no uuid");
    }
    return new ContactGroup(uuid, name, query, status, system, count == null ? 0 : count);
  }
}
