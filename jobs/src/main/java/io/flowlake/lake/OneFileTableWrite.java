package io.flowlake.lake;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Replaces a small Delta table (a mart: an aggregate, thousands of rows) with a dataset's rows,
 * written as one Parquet file by one Spark job and committed by {@link TableContentsCommit}.
 *
 * <p>Why not Delta's own overwrite: on Delta 4.4.0 it runs 5 jobs per table (the table's state
 * rebuilt, an aggregate over it for the domain metadata of a replace, the write, the files it
 * replaces), about 4 s of a 2-core machine however few the rows; this is the write's one job and a
 * commit on the driver, whose list of replaced files comes from the version's checksum file.
 */
public final class OneFileTableWrite {

  private OneFileTableWrite() {}

  /**
   * @param properties table properties to set (kept ones the table has otherwise)
   * @return the rows written
   */
  public static long replace(
      SparkSession spark, Dataset<Row> rows, String path, Map<String, String> properties) {
    // Delta keeps every column nullable
    StructType schema = rows.schema().toNullable();
    List<TableFile> files = writeFile(spark, rows, path, schema);
    TableContentsCommit.replace(spark, path, schema, properties, files);
    return rows(files);
  }

  /**
   * Replaces the rows of the small table at {@code path} with {@code rewrite} of its current ones
   * (a mart's other flows' rows kept, the scope's new ones added), in one commit made against the
   * version read: Delta refuses it if another writer committed since.
   *
   * <p>The current rows are read from the files that version's checksum lists (or, failing that,
   * its state), handed to Delta as they are: a Delta read of the table would first rebuild the
   * table's state and filter its files in a Spark job, about a tenth of a second per mart on 2
   * cores, to find the one file this class wrote last time.
   *
   * @throws IllegalStateException when there is no table at {@code path}
   * @return the rows written
   */
  public static long rewrite(SparkSession spark, String path, UnaryOperator<Dataset<Row>> rewrite) {
    OptimisticTransaction txn = DeltaLog.forTable(spark, path).startTransaction();
    if (txn.readVersion() < 0) {
      throw new IllegalStateException("no table at " + path + " to rewrite");
    }
    Seq<AddFile> current =
        CollectionConverters.asScala(TableContentsCommit.currentFiles(txn)).toSeq();
    Dataset<Row> rows =
        rewrite.apply(
            txn.deltaLog().createDataFrame(txn.snapshot(), current, false, Option.empty()));
    StructType schema = rows.schema().toNullable();
    List<TableFile> files = writeFile(spark, rows, path, schema);
    TableContentsCommit.prepare(txn, schema, Map.of(), files).commit();
    return rows(files);
  }

  /** The rows in one Parquet file in the table's directory, by one Spark job. */
  private static List<TableFile> writeFile(
      SparkSession spark, Dataset<Row> rows, String path, StructType schema) {
    FileTask task = new FileTask(path, schema, ParquetFileSetup.of(spark, schema));
    return rows.coalesce(1).queryExecution().toRdd().toJavaRDD().mapPartitions(task).collect();
  }

  private static long rows(List<TableFile> files) {
    return files.stream().mapToLong(TableFile::rows).sum();
  }

  /** The one task: every row into one file, none for no rows. */
  private record FileTask(String dir, StructType schema, ParquetFileSetup setup)
      implements FlatMapFunction<Iterator<InternalRow>, TableFile> {

    @Override
    public Iterator<TableFile> call(Iterator<InternalRow> rows) throws IOException {
      if (!rows.hasNext()) {
        return Collections.emptyIterator();
      }
      TaskParquetFile file = TaskParquetFile.open(dir, schema, setup);
      boolean closed = false;
      try {
        while (rows.hasNext()) {
          file.write(rows.next());
        }
        TableFile written = file.close();
        closed = true;
        return List.of(written).iterator();
      } finally {
        if (!closed) {
          file.abort();
        }
      }
    }
  }
}
