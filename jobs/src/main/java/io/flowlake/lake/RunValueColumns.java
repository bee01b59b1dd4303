package io.flowlake.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How {@code run_values} is derived from {@code runs}: one row per entry of a run's {@code values}
 * map, each column in this order taken from the run, the entry's key or a field of the entry's
 * result. Declared once here, for the lake's derivation in Spark ({@link #flatten}) and for the
 * warehouse feed's, which derives a few changed runs' values row by row without Spark ({@link
 * Rows}).
 */
public final class RunValueColumns {

  /** Where a column of {@code run_values} comes from. */
  private enum From {
    RUN,
    RESULT_KEY,
    RESULT
  }

  private record Source(String name, From from, String field) {}

  private static final String VALUES = "values";

  private static final List<Source> COLUMNS =
      List.of(
          new Source("run_uuid", From.RUN, "uuid"),
          new Source("flow_uuid", From.RUN, "flow_uuid"),
          new Source("flow_name", From.RUN, "flow_name"),
          new Source("contact_uuid", From.RUN, "contact_uuid"),
          new Source("result_key", From.RESULT_KEY, null),
          new Source("result_name", From.RESULT, "name"),
          new Source("value", From.RESULT, "value"),
          new Source("category", From.RESULT, "category"),
          new Source("node_uuid", From.RESULT, "node"),
          new Source("time", From.RESULT, "time"),
          new Source("input", From.RESULT, "input"),
          new Source("run_created_on", From.RUN, "created_on"),
          new Source("run_modified_on", From.RUN, "modified_on"),
          new Source("run_exit_type", From.RUN, "exit_type"),
          new Source(LakeTables.PARTITION_COLUMN, From.RUN, LakeTables.PARTITION_COLUMN));

  /** runs → run_values in Spark. */
  public static Dataset<Row> flatten(Dataset<Row> runs) {
    String key = "_result_key";
    String result = "_result";
    Column[] columns =
        COLUMNS.stream()
            .map(
                c ->
                    switch (c.from()) {
                      case RUN -> col(c.field()).as(c.name());
                      case RESULT_KEY -> col(key).as(c.name());
                      case RESULT -> col(result).getField(c.field()).as(c.name());
                    })
            .toArray(Column[]::new);
    return runs.select(col("*"), explode(col(VALUES)).as(new String[] {key, result}))
        .select(columns);
  }

  /** runs → run_values one run at a time, on Spark's internal rows of {@code runs}' schema. */
  public static final class Rows {

    private final StructType schema;
    private final int[] ordinals;
    private final TypedGetter[] getters;
    private final int values;
    private final int resultWidth;

    public Rows(StructType runs) {
      values = runs.fieldIndex(VALUES);
      MapType map = (MapType) runs.fields()[values].dataType();
      StructType result = (StructType) map.valueType();
      resultWidth = result.size();
      ordinals = new int[COLUMNS.size()];
      DataType[] types = new DataType[COLUMNS.size()];
      getters = new TypedGetter[COLUMNS.size()];
      StructField[] fields = new StructField[COLUMNS.size()];
      for (int i = 0; i < fields.length; i++) {
        Source c = COLUMNS.get(i);
        StructType from = c.from() == From.RUN ? runs : result;
        if (c.from() == From.RESULT_KEY) {
          ordinals[i] = -1;
          types[i] = map.keyType();
        } else {
          ordinals[i] = from.fieldIndex(c.field());
          types[i] = from.fields()[ordinals[i]].dataType();
        }
        getters[i] = new TypedGetter(types[i]);
        fields[i] = DataTypes.createStructField(c.name(), types[i], true);
      }
      schema = DataTypes.createStructType(fields);
    }

    /** The rows' schema: {@code run_values}' columns, of {@code runs}' types. */
    public StructType schema() {
      return schema;
    }

    /**
     * Passes {@code run}'s rows of {@code run_values} to {@code out}: none when it has no value.
     */
    public void of(InternalRow run, Consumer<InternalRow> out) {
      if (run.isNullAt(values)) {
        return; // explode gives no row for a null map
      }
      MapData map = run.getMap(values);
      ArrayData keys = map.keyArray();
      ArrayData results = map.valueArray();
      for (int e = 0; e < map.numElements(); e++) {
        InternalRow result = results.isNullAt(e) ? null : results.getStruct(e, resultWidth);
        Object[] row = new Object[COLUMNS.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] =
              switch (COLUMNS.get(i).from()) {
                case RUN -> getters[i].get(run, ordinals[i]);
                case RESULT_KEY -> getters[i].get(keys, e);
                case RESULT -> result == null ? null : getters[i].get(result, ordinals[i]);
              };
        }
        out.accept(new GenericInternalRow(row));
      }
    }
  }

  private RunValueColumns() {}
}
