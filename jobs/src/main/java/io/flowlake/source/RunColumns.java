package io.flowlake.source;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import org.apache.spark.sql.types.StructType;

/**
 * The columns the {@code rapidpro} source yields: one row per run as the API sends it, plus two
 * flat columns computed from the path at read time ({@code path_length}, {@code last_node}) so that
 * SQL over millions of runs need not explode nested arrays.
 *
 * <p>A record the parser refused is not dropped: it arrives as a row whose {@code _reject} holds
 * the raw JSON, the reason and where it came from, with every other column null.
 */
public final class RunColumns {

  public static final String REJECT = "_reject";

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

  public static final StructType REJECT_INFO =
      new StructType()
          .add("raw", StringType, false)
          .add("reason", StringType, false)
          .add("location", StringType, false);

  /** The run columns, in the order of the lake's {@code runs} table. */
  public static final StructType RUN =
      new StructType()
          .add("uuid", StringType, true)
          .add("id", LongType, true)
          .add("flow_uuid", StringType, true)
          .add("flow_name", StringType, true)
          .add("contact_uuid", StringType, true)
          .add("contact_name", StringType, true)
          .add("contact_urn", StringType, true)
          .add("contact_urn_display", StringType, true)
          .add("contact_ref", StringType, true)
          .add("start_uuid", StringType, true)
          .add("responded", BooleanType, true)
          .add("path", createArrayType(PATH_STEP, false), true)
          .add("values", createMapType(StringType, RESULT_VALUE, false), true)
          .add("created_on", TimestampType, true)
          .add("modified_on", TimestampType, true)
          .add("exited_on", TimestampType, true)
          .add("exit_type", StringType, true)
          .add("path_length", IntegerType, true)
          .add("last_node", StringType, true);

  /** What the source reads: the run columns and the reject column. */
  public static final StructType SOURCE = RUN.add(REJECT, REJECT_INFO, true);

  /** Columns that need the path; when none is read, the source asks the API for paths=false. */
  static boolean needsPath(StructType required) {
    for (String name : required.fieldNames()) {
      if (name.equals("path") || name.equals("path_length") || name.equals("last_node")) {
        return true;
      }
    }
    return false;
  }

  private RunColumns() {}
}
