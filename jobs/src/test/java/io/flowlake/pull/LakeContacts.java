package io.flowlake.pull;

import io.flowlake.api.ContactRecord;
import io.flowlake.api.NamedRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code contacts} table and the simulator's truth in one comparable shape. The expected rows
 * are derived here from the truth on their own terms (not by the code under test): not deleted,
 * name and URNs dropped (the default policy), only the kept fields that have a value.
 */
record LakeContacts(
    String uuid,
    String name,
    List<String> urns,
    String status,
    String language,
    List<NamedRef> groups,
    Map<String, String> fields,
    NamedRef flow,
    Instant createdOn,
    Instant modifiedOn,
    Instant lastSeenOn) {

  /** {@code keys} null keeps every field. */
  static Map<String, LakeContacts> expected(List<ContactRecord> truth, Set<String> keys) {
    Map<String, LakeContacts> expected = new HashMap<>();
    for (ContactRecord c : truth) {
      if (c.deleted()) {
        continue;
      }
      Map<String, String> fields = new TreeMap<>();
      c.fields()
          .forEach(
              (k, v) -> {
                if (v != null && (keys == null || keys.contains(k))) {
                  fields.put(k, v);
                }
              });
      expected.put(
          c.uuid(),
          new LakeContacts(
              c.uuid(),
              null,
              List.of(),
              c.status(),
              c.language(),
              c.groups(),
              fields,
              c.flow(),
              c.createdOn(),
              c.modifiedOn(),
              c.lastSeenOn()));
    }
    return expected;
  }

  static Map<String, LakeContacts> read(SparkSession spark, String table) {
    Map<String, LakeContacts> lake = new HashMap<>();
    for (Row r : spark.read().format("delta").load(table).collectAsList()) {
      List<NamedRef> groups = new ArrayList<>();
      for (Row g : r.<Row>getList(r.fieldIndex("groups"))) {
        groups.add(ref(g));
      }
      Map<String, String> fields =
          new TreeMap<>(
              CollectionConverters.asJava(r.<String, String>getMap(r.fieldIndex("fields"))));
      Row flow = r.getAs("flow");
      LakeContacts c =
          new LakeContacts(
              r.getAs("uuid"),
              r.getAs("name"),
              List.copyOf(r.<String>getList(r.fieldIndex("urns"))),
              r.getAs("status"),
              r.getAs("language"),
              groups,
              fields,
              flow == null ? null : ref(flow),
              instant(r.getAs("created_on")),
              instant(r.getAs("modified_on")),
              instant(r.getAs("last_seen_on")));
      if (lake.put(c.uuid(), c) != null) {
        throw new AssertionError("two rows for contact " + c.uuid());
      }
    }
    return lake;
  }

  private static NamedRef ref(Row r) {
    return new NamedRef(r.getAs("uuid"), r.getAs("name"));
  }

  private static Instant instant(Object t) {
    if (t == null) {
      return null;
    }
    return t instanceof Instant i ? i : ((Timestamp) t).toInstant();
  }
}
