package io.flowlake.api;

import static io.flowlake.api.StrictJson.nextField;
import static io.flowlake.api.StrictJson.nullableString;
import static io.flowlake.api.StrictJson.nullableTimestamp;
import static io.flowlake.api.StrictJson.string;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one contact object of {@code contacts.json} with Jackson's streaming parser. Strict like
 * {@link RunRecordParser}: a value of the wrong type, an unknown status, or a record that does not
 * fit the listing it came from (a deleted contact in the active listing, or the other way round) is
 * a {@link RecordFormatException}, and the page keeps the record as a reject. {@code notes}, the
 * deprecated {@code blocked}/{@code stopped} booleans and unknown keys are skipped.
 */
final class ContactRecordParser {

  private ContactRecordParser() {}

  /** Reads the contacts of a page fetched with or without {@code deleted=true}. */
  static PageEnvelope.ItemReader<ContactRecord> reader(boolean deletedListing) {
    return p -> read(p, deletedListing);
  }

  static ContactRecord read(JsonParser p, boolean deletedListing) throws IOException {
    StrictJson.startObject(p, "contact");
    String uuid = null;
    String name = null;
    String ref = null;
    String anonDisplay = null;
    String status = null;
    String language = null;
    List<String> urns = List.of();
    List<NamedRef> groups = List.of();
    Map<String, String> fields = Map.of();
    NamedRef flow = null;
    Instant createdOn = null;
    Instant modifiedOn = null;
    Instant lastSeenOn = null;
    while (nextField(p)) {
      switch (p.currentName()) {
        case "uuid" -> uuid = string(p, "uuid");
        case "name" -> name = nullableString(p, "name");
        case "ref" -> ref = nullableString(p, "ref");
        case "anon_display" -> anonDisplay = nullableString(p, "anon_display");
        case "status" -> status = readStatus(p);
        case "language" -> language = nullableString(p, "language");
        case "urns" -> urns = readUrns(p);
        case "groups" -> groups = readGroups(p);
        case "fields" -> fields = readFields(p);
        case "flow" ->
            flow = p.currentToken() == JsonToken.VALUE_NULL ? null : StrictJson.namedRef(p, "flow");
        case "created_on" -> createdOn = nullableTimestamp(p, "created_on");
        case "modified_on" -> modifiedOn = nullableTimestamp(p, "modified_on");
        case "last_seen_on" -> lastSeenOn = nullableTimestamp(p, "last_seen_on");
        default -> p.skipChildren();
      }
    }
    RunRecordParser.require(uuid, "uuid");
    RunRecordParser.require(createdOn, "created_on");
    RunRecordParser.require(modifiedOn, "modified_on");
    if (!deletedListing && status == null) {
      throw new RecordFormatException("status is missing: only deleted contacts have none");
    }
    if (deletedListing && status != null) {
      throw new RecordFormatException(
          "status is '" + status + "' in the deleted=true listing, which lists only deleted ones");
    }
    return new ContactRecord(
        uuid,
        name,
        ref != null ? ref : anonDisplay, // servers before "ref" sent only anon_display
        status,
        language,
        urns,
        groups,
        fields,
        flow,
        createdOn,
        modifiedOn,
        lastSeenOn,
        deletedListing);
  }

  private static String readStatus(JsonParser p) throws IOException {
    String status = nullableString(p, "status");
    if (status != null && !ContactRecord.STATUSES.contains(status)) {
      throw new RecordFormatException("unknown status '" + StrictJson.clip(status) + "'");
    }
    return status;
  }

  /** Plain URN strings; {@code expand_urns=true} objects are not asked for, so not accepted. */
  private static List<String> readUrns(JsonParser p) throws IOException {
    StrictJson.expect(p, JsonToken.START_ARRAY, "urns", "an array");
    List<String> urns = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      urns.add(string(p, "urns"));
    }
    return urns;
  }

  private static List<NamedRef> readGroups(JsonParser p) throws IOException {
    StrictJson.expect(p, JsonToken.START_ARRAY, "groups", "an array");
    List<NamedRef> groups = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      groups.add(StrictJson.namedRef(p, "groups"));
    }
    return groups;
  }

  /** Every field key of the workspace, each with its serialised value or null. */
  private static Map<String, String> readFields(JsonParser p) throws IOException {
    StrictJson.startObject(p, "fields");
    Map<String, String> fields = new LinkedHashMap<>();
    while (nextField(p)) {
      String key = p.currentName();
      fields.put(key, nullableString(p, "fields." + key));
    }
    return fields;
  }
}
