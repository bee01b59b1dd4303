package io.flowlake.warehouse;

import io.flowlake.lake.LakePaths;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * The lake table a fed table's rows come from, and how. Most are read as they are. {@code
 * run_values} is derived from {@code runs} ({@link io.flowlake.lake.RunValueColumns#flatten}, the
 * function the lake derives it with): its export reads {@code runs} at a version and records that
 * version, and its incremental export replaces the values of the runs whose rows changed, read from
 * {@code runs}' change data feed, instead of netting {@code run_values}' own feed, where a pull's
 * refresh rewrites whole months.
 *
 * @param name the lake table's name, in {@link ExportState}'s record of a derived table
 * @param key the lake table's key, which its change data feed is netted by
 * @param rows the fed table's rows from the lake table's
 * @param parent the fed table's columns that hold {@code key} (a derived table's rows of one source
 *     row are replaced together); the fed table's own key when it is not derived
 * @param rowsOneByOne {@code rows} one source row at a time, for a source of the given schema,
 *     without Spark ({@link LocalChanges})
 */
record FeedSource(
    String name,
    Function<LakePaths, String> location,
    List<String> key,
    UnaryOperator<Dataset<Row>> rows,
    List<String> parent,
    Function<StructType, RowsOfRow> rowsOneByOne) {

  /** The rows of a fed table that one source row gives ({@code of}), and their schema. */
  record RowsOfRow(StructType schema, BiConsumer<InternalRow, Consumer<InternalRow>> of) {}

  static FeedSource itself(String name, Function<LakePaths, String> location, List<String> key) {
    return new FeedSource(
        name,
        location,
        key,
        UnaryOperator.identity(),
        key,
        schema -> new RowsOfRow(schema, (row, rows) -> rows.accept(row)));
  }

  boolean derived(FeedTable table) {
    return !name.equals(table.name());
  }
}
