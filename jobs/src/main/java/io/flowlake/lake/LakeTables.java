package io.flowlake.lake;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

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
  public static final String PARTITION_COLUMN = "created_month";

  /** Where a record came from; on a {@code modified_on} tie the API beats an archive. */
  public static final String SOURCE_API = "api";

  public static final String SOURCE_ARCHIVE = "archive";

  public static final StructType PATH_STEP =
      new StructType().add("node", StringType, true).add("time", TimestampType, true);

  public static final StructType RESULT_VALUE =
      new StructType()
          .add("name", StringType, true)
          .add("value", StringType, true)
          .add("category", StringType, true)
          .add("node", StringType, true)
          .add("time", TimestampType, true)
          .add("input", StringType, true);

  /** One row per run uuid, newest {@code modified_on} wins; values and path kept nested. */
  public static final StructType RUNS_SCHEMA =
      new StructType()
          .add("uuid", StringType, false)
          .add("id", LongType, true)
          .add("flow_uuid", StringType, true)
          .add("flow_name", StringType, true)
          .add("contact_uuid", StringType, true)
          .add("contact_name", StringType, true)
          .add("contact_urn", StringType, true)
          .add("contact_urn_display", StringType, true)
          .add("contact_ref", StringType, true)
          .add("start_uuid", StringType, true)
          .add("responded", BooleanType, false)
          .add("path", createArrayType(PATH_STEP, false), true)
          .add("values", createMapType(StringType, RESULT_VALUE, false), false)
          .add("created_on", TimestampType, false)
          .add("modified_on", TimestampType, false)
          .add("exited_on", TimestampType, true)
          .add("exit_type", StringType, true)
          .add("path_length", IntegerType, true)
          .add("last_node", StringType, true)
          .add("source", StringType, false)
          .add(PARTITION_COLUMN, StringType, false);

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

  private LakeTables() {}
}
