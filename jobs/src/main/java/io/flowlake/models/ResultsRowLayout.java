package io.flowlake.models;

import io.flowlake.lake.TypedGetter;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * How one flow's results table row is made from a row of the scope's runs ({@link
 * FlowResultsFiles#RUN_INPUT}), in the table's column order: a run column is copied, the flow name
 * is the table's label, and a result's category or value is looked up in the run's {@code
 * result_values} map. Built on the driver from the table's index rows, shipped to the tasks. It
 * also gives the table's schema, so what a column holds and its type are decided in one place.
 */
final class ResultsRowLayout implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int FLOW_LABEL = -1;
  private static final int RESULT = -2;

  private final String flowUuid;
  private final StructType schema;
  private final int[] sources;
  private final TypedGetter[] getters;
  private final UTF8String[] resultKeys;
  private final int[] resultFields;
  private final UTF8String flowLabel;
  private final int valuesOrdinal;
  private final int valueStructSize;

  private ResultsRowLayout(
      String flowUuid,
      StructType schema,
      int[] sources,
      UTF8String[] resultKeys,
      int[] resultFields,
      UTF8String flowLabel,
      int valuesOrdinal,
      int valueStructSize) {
    this.flowUuid = flowUuid;
    this.schema = schema;
    this.sources = sources;
    this.getters = new TypedGetter[sources.length];
    for (int i = 0; i < sources.length; i++) {
      getters[i] = new TypedGetter(schema.fields()[i].dataType());
    }
    this.resultKeys = resultKeys;
    this.resultFields = resultFields;
    this.flowLabel = flowLabel;
    this.valuesOrdinal = valuesOrdinal;
    this.valueStructSize = valueStructSize;
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
    int valuesOrdinal = input.fieldIndex("result_values");
    StructType valueStruct =
        (StructType) ((MapType) input.fields()[valuesOrdinal].dataType()).valueType();
    int[] sources = new int[columns.size()];
    UTF8String[] keys = new UTF8String[columns.size()];
    int[] fields = new int[columns.size()];
    StructField[] schema = new StructField[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      FlowResultsTable.Column column = columns.get(i);
      DataType type;
      Metadata metadata = Metadata.empty();
      switch (column.kind()) {
        case "category", "value" -> {
          sources[i] = RESULT;
          keys[i] = UTF8String.fromString(column.resultKey());
          fields[i] = valueStruct.fieldIndex(column.kind());
          type = valueStruct.fields()[fields[i]].dataType();
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
        fields,
        UTF8String.fromString(label),
        valuesOrdinal,
        valueStruct.size());
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
    MapData values = run.isNullAt(valuesOrdinal) ? null : run.getMap(valuesOrdinal);
    for (int i = 0; i < sources.length; i++) {
      into.update(i, value(run, values, i));
    }
    return into;
  }

  private Object value(InternalRow run, MapData values, int column) {
    int source = sources[column];
    if (source == FLOW_LABEL) {
      return flowLabel;
    }
    if (source == RESULT) {
      return result(values, column);
    }
    return getters[column].get(run, source);
  }

  private UTF8String result(MapData values, int column) {
    if (values == null) {
      return null;
    }
    ArrayData keys = values.keyArray();
    UTF8String key = resultKeys[column];
    for (int i = 0; i < values.numElements(); i++) {
      if (key.equals(keys.getUTF8String(i))) {
        ArrayData structs = values.valueArray();
        if (structs.isNullAt(i)) {
          return null;
        }
        InternalRow struct = structs.getStruct(i, valueStructSize);
        int field = resultFields[column];
        return struct.isNullAt(field) ? null : struct.getUTF8String(field);
      }
    }
    return null;
  }
}
