package io.flowlake.lake;

import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.flowlake.source.RunColumns;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lake's tables and their columns: the public contract that {@code schemas/*.schema.json}
 * documents (a test keeps the two in agreement) and that the SQL models read.
 *
 * <p>{@code runs} and {@code run_values} are partitioned by {@code created_month} ("yyyy-MM" of
 * {@code created_on}, UTC): a run's creation never changes, and the runs an incremental pull brings
 * are mostly recent ones, so a merge rewrites only the files of the few months it touches.
 */
public final class LakeTables {

  public static final String RUNS = "runs";
  public static final String RUN_VALUES = "run_values";
  public static final String REJECTS = "rejects";
  public static final String CONTACTS = "contacts";
  public static final String CONTACT_FIELDS = "contact_fields";
  public static final String GROUPS = "groups";
  public static final String TOMBSTONES = "tombstones";
  public static final String PARTITION_COLUMN = "created_month";

  /** Where a record came from; on a {@code modified_on} tie the API beats an archive. */
  public static final String SOURCE_API = "api";

  public static final String SOURCE_ARCHIVE = "archive";

  private static final Set<String> REQUIRED_RUN_COLUMNS =
      Set.of("uuid", "responded", "values", "created_on", "modified_on");

  /**
   * One row per run uuid, newest {@code modified_on} wins; values and path kept nested. The
   * source's run columns, with the ones every run has made NOT NULL, plus lineage and partition.
   */
  public static final StructType RUNS_SCHEMA = runsSchema();

  /** One row per run and result key, flat for SQL; derived from {@code runs}. */
  public static final StructType RUN_VALUES_SCHEMA =
      new StructType()
          .add("run_uuid", StringType, false)
          .add("flow_uuid", StringType, true)
          .add("flow_name", StringType, true)
          .add("contact_uuid", StringType, true)
          .add("result_key", StringType, false)
          .add("result_name", StringType, true)
          .add("value", StringType, true)
          .add("category", StringType, true)
          .add("node_uuid", StringType, true)
          .add("time", TimestampType, true)
          .add("input", StringType, true)
          .add("run_created_on", TimestampType, false)
          .add("run_modified_on", TimestampType, false)
          .add("run_exit_type", StringType, true)
          .add(PARTITION_COLUMN, StringType, false);

  /** Every record that could not be parsed, with its raw text; never silently dropped. */
  public static final StructType REJECTS_SCHEMA =
      new StructType()
          .add("reject_id", StringType, false)
          .add("raw", StringType, false)
          .add("reason", StringType, false)
          .add("source", StringType, false)
          .add("location", StringType, false)
          .add("rejected_at", TimestampType, false);

  /**
   * One row per erased contact: the SHA-256 of its uuid (never the uuid: after a vacuum no file of
   * the lake may hold it, and a random uuid's hash cannot be reversed by enumeration), where the
   * erasure came from ({@link #ORIGIN_RAPIDPRO} or {@link #ORIGIN_FORGET}) and when.
   */
  public static final StructType TOMBSTONES_SCHEMA =
      new StructType()
          .add("contact_uuid_sha256", StringType, false)
          .add("origin", StringType, false)
          .add("tombstoned_at", TimestampType, false);

  /** A contact RapidPro lists as deleted; one given to {@code flowlake forget}. */
  public static final String ORIGIN_RAPIDPRO = "rapidpro";

  public static final String ORIGIN_FORGET = "forget";

  /** Each table's name, description and schema, in the order {@code schemas/} lists them. */
  public static final java.util.List<Table> ALL =
      java.util.List.of(
          new Table(
              RUNS,
              "One row per run uuid (newest modified_on wins), values and path nested.",
              RUNS_SCHEMA),
          new Table(
              RUN_VALUES,
              "One row per run and result key, flat for SQL; derived from runs.",
              RUN_VALUES_SCHEMA),
          new Table(
              REJECTS,
              "Every record that could not be parsed, with its raw JSON and the reason.",
              REJECTS_SCHEMA),
          new Table(
              CONTACTS,
              "One row per contact uuid (newest modified_on wins); name and URNs as the"
                  + " personal-data policy keeps them, only the kept fields.",
              ContactTables.CONTACTS_SCHEMA),
          new Table(
              CONTACT_FIELDS,
              "The workspace's contact fields as fields.json lists them, replaced each pull.",
              ContactTables.CONTACT_FIELDS_SCHEMA),
          new Table(
              GROUPS,
              "The workspace's contact groups as groups.json lists them, replaced each pull.",
              ContactTables.GROUPS_SCHEMA),
          new Table(
              TOMBSTONES,
              "One row per erased contact: the SHA-256 of its uuid, the erasure's origin and time.",
              TOMBSTONES_SCHEMA));

  /** A documented table. */
  public record Table(String name, String description, StructType schema) {}

  private static StructType runsSchema() {
    StructType schema = new StructType();
    for (StructField field : RunColumns.RUN.fields()) {
      boolean nullable = !REQUIRED_RUN_COLUMNS.contains(field.name());
      schema = schema.add(field.name(), field.dataType(), nullable);
    }
    return schema.add("source", StringType, false).add(PARTITION_COLUMN, StringType, false);
  }

  private LakeTables() {}
}
