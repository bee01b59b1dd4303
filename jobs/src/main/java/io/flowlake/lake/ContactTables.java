package io.flowlake.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the people tables (docs/contacts.md): {@code contacts}, joined to runs on {@code
 * runs.contact.uuid = contacts.uuid}, and the two definition tables {@code contact_fields} and
 * {@code groups}. Nested types allow null elements, as Spark's readers give them back.
 */
public final class ContactTables {

  private static final StructType REF =
      new StructType().add("uuid", StringType, true).add("name", StringType, true);

  /**
   * One row per contact uuid. {@code name} and {@code urns} are what the personal-data policy keeps
   * (null and empty under {@code drop}); {@code fields} holds only the kept fields that have a
   * value, as RapidPro shows them (numbers as decimal text, locations as paths).
   */
  public static final StructType CONTACTS_SCHEMA =
      new StructType()
          .add("uuid", StringType, false)
          .add("name", StringType, true)
          .add("urns", new ArrayType(StringType, true), false)
          .add("status", StringType, false)
          .add("language", StringType, true)
          .add("groups", new ArrayType(REF, true), false)
          .add("fields", new MapType(StringType, StringType, true), false)
          .add("flow", REF, true)
          .add("created_on", TimestampType, false)
          .add("modified_on", TimestampType, false)
          .add("last_seen_on", TimestampType, true);

  /** {@code kept}: whether {@code contacts.fields} holds the field (--contact-fields). */
  public static final StructType CONTACT_FIELDS_SCHEMA =
      new StructType()
          .add("key", StringType, false)
          .add("label", StringType, true)
          .add("type", StringType, false)
          .add("kept", BooleanType, false);

  public static final StructType GROUPS_SCHEMA =
      new StructType()
          .add("uuid", StringType, false)
          .add("name", StringType, false)
          .add("query", StringType, true)
          .add("status", StringType, true)
          .add("system", BooleanType, false)
          .add("count", LongType, false);

  private ContactTables() {}
}
