package io.flowlake.warehouse;

import io.flowlake.lake.LakePaths;
import io.flowlake.warehouse.LocalNetChanges.Net;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * {@link LakeChanges#between} without Spark, for a small change ({@link LocalNetChanges}): the same
 * rows, as the COPY CSV chunks the stage receives. Empty when the change is not one to read in the
 * driver; the caller then asks Spark.
 */
final class LocalChanges {

  private static final UTF8String UPSERT = UTF8String.fromString("u");
  private static final UTF8String DELETE = UTF8String.fromString("d");

  private LocalChanges() {}

  /** Tells {@code changes} that {@code table} will ask {@link #between} for this range. */
  static void expect(
      LocalNetChanges changes, LakePaths paths, long after, long upTo, FeedTable table) {
    FeedSource source = table.source();
    changes.expect(source.location().apply(paths), after, upTo, source.key());
  }

  /**
   * @param changes the reader of net changes; one reader serves a derived table and its source
   *     (run_values and runs) from one read
   * @return the lines, in chunks written as the COPY takes them ({@link CsvChunks})
   */
  static Optional<Iterator<byte[]>> between(
      LocalNetChanges changes, LakePaths paths, long after, long upTo, FeedTable table) {
    FeedSource source = table.source();
    Optional<Net> net = changes.between(source.location().apply(paths), after, upTo, source.key());
    if (net.isEmpty()) {
      return Optional.empty();
    }
    FeedSource.RowsOfRow rows = source.rowsOneByOne().apply(net.get().schema());
    Projection fed = new Projection(rows.schema(), table.columns());
    CsvFields csv = new CsvFields(fed.schema().add(LakeChanges.OP, DataTypes.StringType));
    boolean derived = source.derived(table);
    Stream<InternalRow> lines =
        net.get().images().stream()
            .flatMap(
                image -> {
                  if (!derived) {
                    return Stream.of(fed.apply(image.row(), image.exists() ? UPSERT : DELETE));
                  }
                  List<InternalRow> replaced = new ArrayList<>();
                  if (image.exists()) {
                    rows.of().accept(image.row(), row -> replaced.add(fed.apply(row, UPSERT)));
                  }
                  replaced.add(clear(table, net.get().schema(), image.row()));
                  return replaced.stream();
                });
    return Optional.of(CsvChunks.of(csv, lines.iterator()));
  }

  /**
   * For a changed source row of a derived table: its {@link FeedSource#parent} columns (the
   * source's key), every other column null, 'd'.
   */
  private static InternalRow clear(FeedTable table, StructType source, InternalRow row) {
    List<String> parent = table.source().parent();
    Object[] values = new Object[table.columns().size() + 1];
    for (int i = 0; i < table.columns().size(); i++) {
      int k = parent.indexOf(table.columns().get(i).name());
      if (k >= 0) {
        int ordinal = source.fieldIndex(table.source().key().get(k));
        values[i] = row.get(ordinal, source.fields()[ordinal].dataType());
      }
    }
    values[values.length - 1] = DELETE;
    return new GenericInternalRow(values);
  }

  /** A fed table's columns from rows of the schema given, each a field or a nested field. */
  private static final class Projection {

    private final int[][] paths;
    private final DataType[][] types;
    private final StructType schema;

    Projection(StructType from, List<FeedColumn> columns) {
      paths = new int[columns.size()][];
      types = new DataType[columns.size()][];
      StructField[] fields = new StructField[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        List<String> field = columns.get(c).field();
        paths[c] = new int[field.size()];
        types[c] = new DataType[field.size()];
        StructType struct = from;
        for (int d = 0; d < field.size(); d++) {
          paths[c][d] = struct.fieldIndex(field.get(d));
          types[c][d] = struct.fields()[paths[c][d]].dataType();
          if (d + 1 < field.size()) {
            struct = (StructType) types[c][d];
          }
        }
        fields[c] =
            DataTypes.createStructField(columns.get(c).name(), types[c][field.size() - 1], true);
      }
      schema = DataTypes.createStructType(fields);
    }

    StructType schema() {
      return schema;
    }

    /** The columns' values of {@code row}, then {@code op}. */
    InternalRow apply(InternalRow row, UTF8String op) {
      Object[] values = new Object[paths.length + 1];
      for (int c = 0; c < paths.length; c++) {
        values[c] = value(row, paths[c], types[c]);
      }
      values[paths.length] = op;
      return new GenericInternalRow(values);
    }

    private static Object value(InternalRow row, int[] path, DataType[] types) {
      InternalRow at = row;
      for (int d = 0; d < path.length - 1; d++) {
        if (at.isNullAt(path[d])) {
          return null;
        }
        at = at.getStruct(path[d], ((StructType) types[d]).size());
      }
      int last = path.length - 1;
      return at.isNullAt(path[last]) ? null : at.get(path[last], types[last]);
    }
  }
}
