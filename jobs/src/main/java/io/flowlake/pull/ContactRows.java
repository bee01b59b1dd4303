package io.flowlake.pull;

import io.flowlake.api.ContactField;
import io.flowlake.api.ContactGroup;
import io.flowlake.api.ContactRecord;
import io.flowlake.api.NamedRef;
import io.flowlake.config.FieldSelection;
import io.flowlake.privacy.PersonalData;
import io.flowlake.privacy.RejectScrubber;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Rows of the people tables ({@link io.flowlake.lake.ContactTables}) from what the API sent. This
 * is where a contact loses what the lake may not keep: its name and each URN go through the
 * personal-data policy, and only the selected fields that have a value are kept. Lists and maps are
 * Java ones, which Spark converts for the table's array and map columns.
 */
final class ContactRows {

  private final FieldSelection kept;
  private final PersonalData personal;

  ContactRows(FieldSelection kept, PersonalData personal) {
    this.kept = kept;
    this.personal = personal;
  }

  /**
   * A refused contact as the rejects table may keep it under the policy ({@link RejectScrubber}).
   */
  Row reject(String raw, String reason, String location) {
    RejectScrubber scrubber = new RejectScrubber(personal);
    return RowFactory.create(scrubber.raw(raw, location), scrubber.reason(reason), location);
  }

  /** A {@code contacts} row. */
  Row contact(ContactRecord c) {
    List<String> urns = new ArrayList<>();
    for (String urn : c.urns()) {
      String protectedUrn = personal.protect(urn);
      if (protectedUrn != null) {
        urns.add(protectedUrn);
      }
    }
    List<Row> groups = c.groups().stream().map(ContactRows::ref).toList();
    Map<String, String> fields = new LinkedHashMap<>();
    c.fields()
        .forEach(
            (key, value) -> {
              if (value != null && kept.keeps(key)) {
                fields.put(key, value);
              }
            });
    return RowFactory.create(
        c.uuid(),
        personal.protect(c.name()),
        urns,
        c.status(),
        c.language(),
        groups,
        fields,
        c.flow() == null ? null : ref(c.flow()),
        timestamp(c.createdOn()),
        timestamp(c.modifiedOn()),
        timestamp(c.lastSeenOn()));
  }

  /** A {@code contact_fields} row. */
  Row field(ContactField f) {
    return RowFactory.create(f.key(), f.name(), f.type(), kept.keeps(f.key()));
  }

  /** A {@code groups} row. */
  static Row group(ContactGroup g) {
    return RowFactory.create(g.uuid(), g.name(), g.query(), g.status(), g.system(), g.count());
  }

  private static Row ref(NamedRef ref) {
    return RowFactory.create(ref.uuid(), ref.name());
  }

  private static Timestamp timestamp(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }
}
