package io.flowlake.models;

import io.flowlake.lake.TypedGetter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * How one flow's results table row is made from a row of the scope's runs ({@link
 * FlowResultsFiles#RUN_INPUT}), in the table's column order: a run column is copied, the flow name
 * is the table's label, and a result's category or value is found by its key's position in the
 * run's {@link #RESULT_KEYS}. Built on the driver from the table's index rows, shipped to the
 * tasks. It also gives the table's schema, so what a column holds and its type are decided in one
 * place.
 */
final class ResultsRowLayout implements Serializable {

  private static final long serialVersionUID = 2L;

  /** The input column of a run's result keys, in its {@code values} map's order. */
  static final String RESULT_KEYS = "result_keys";

  /** The input column of each result's category, in {@link #RESULT_KEYS}' order. */
  static final String RESULT_CATEGORIES = "result_categories";

  /** The input column of each result's value, in {@link #RESULT_KEYS}' order. */
  static final String RESULT_VALUES = "result_value_texts";

  private static final int FLOW_LABEL = -1;
  private static final int RESULT = -2;

  private final String flowUuid;
  private final StructType schema;
  private final int[] sources;
  private final TypedGetter[] getters;
  private final UTF8String[] resultKeys;
  // for a result column: the input column of its kind (categories or values)
  private final int[] resultArrays;
  private final UTF8String flowLabel;
  private final int keysOrdinal;

  private ResultsRowLayout(
      String flowUuid,
      StructType schema,
      int[] sources,
      UTF8String[] resultKeys,
      int[] resultArrays,
      UTF8String flowLabel,
      int keysOrdinal) {
    this.flowUuid = flowUuid;
    this.schema = schema;
    this.sources = sources;
    this.getters = new TypedGetter[sources.length];
    for (int i = 0; i < sources.length; i++) {
      getters[i] = new TypedGetter(schema.fields()[i].dataType());
    }
    this.resultKeys = resultKeys;
    this.resultArrays = resultArrays;
    this.flowLabel = flowLabel;
    this.keysOrdinal = keysOrdinal;
  }

  /**
   * @param input the schema of the scope's runs, columns in {@link FlowResultsFiles#RUN_INPUT}
   *     order
   * @param runSources each run column's source column in {@code input}, by table column name
   * @throws IllegalStateException when the table names a run column or kind unknown here
   */
  static ResultsRowLayout of(
      FlowResultsTable table, StructType input, Map<String, String> runSources) {
    List<FlowResultsTable.Column> columns = table.columns();
    int keysOrdinal = input.fieldIndex(RESULT_KEYS);
    int[] sources = new int[columns.size()];
    UTF8String[] keys = new UTF8String[columns.size()];
    int[] arrays = new int[columns.size()];
    StructField[] schema = new StructField[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      FlowResultsTable.Column column = columns.get(i);
      DataType type;
      Metadata metadata = Metadata.empty();
      switch (column.kind()) {
        case "category", "value" -> {
          sources[i] = RESULT;
          keys[i] = UTF8String.fromString(column.resultKey());
          arrays[i] =
              input.fieldIndex(
                  column.kind().equals("category") ? RESULT_CATEGORIES : RESULT_VALUES);
          type = ((ArrayType) input.fields()[arrays[i]].dataType()).elementType();
        }
        case "run" -> {
          if (column.name().equals("flow_name")) {
            sources[i] = FLOW_LABEL;
            type = DataTypes.StringType;
          } else {
            String source = runSources.get(column.name());
            if (source == null) {
              throw new IllegalStateException(
                  "flow_results_index names run column "
                      + column.name()
                      + ", unknown to the writer");
            }
            sources[i] = input.fieldIndex(source);
            // as a select of the column under the table's name would keep it
            type = input.fields()[sources[i]].dataType();
            metadata = input.fields()[sources[i]].metadata();
          }
        }
        default ->
            throw new IllegalStateException("flow_results_index: unknown kind " + column.kind());
      }
      // all nullable, as Delta keeps a table's columns
      schema[i] = new StructField(column.name(), type, true, metadata);
    }
    String label = table.flowName() == null ? table.flowUuid() : table.flowName();
    return new ResultsRowLayout(
        table.flowUuid(),
        new StructType(schema),
        sources,
        keys,
        arrays,
        UTF8String.fromString(label),
        keysOrdinal);
  }

  String flowUuid() {
    return flowUuid;
  }

  StructType schema() {
    return schema;
  }

  /**
   * The table's row for {@code run}, written into {@code into} (reused across rows: the writer
   * consumes a row before the next is made).
   */
  InternalRow apply(InternalRow run, GenericInternalRow into) {
    ArrayData keys = run.isNullAt(keysOrdinal) ? null : run.getArray(keysOrdinal);
    for (int i = 0; i < sources.length; i++) {
      into.update(i, value(run, keys, i));
    }
    return into;
  }

  private Object value(InternalRow run, ArrayData keys, int column) {
    int source = sources[column];
    if (source == FLOW_LABEL) {
      return flowLabel;
    }
    if (source == RESULT) {
      return result(run, keys, column);
    }
    return getters[column].get(run, source);
  }

  /** The column's result of {@code run}: its kind's element at the position of its key. */
  private UTF8String result(InternalRow run, ArrayData keys, int column) {
    if (keys == null) {
      return null;
    }
    UTF8String key = resultKeys[column];
    for (int i = 0; i < keys.numElements(); i++) {
      if (key.equals(keys.getUTF8String(i))) {
        ArrayData kind = run.getArray(resultArrays[column]);
        return kind.isNullAt(i) ? null : kind.getUTF8String(i);
      }
    }
    return null;
  }
}
