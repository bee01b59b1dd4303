package io.flowlake.lake;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

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
    FileTask task = new FileTask(path, schema, ParquetFileSetup.of(spark, schema));
    List<TableFile> files =
        rows.coalesce(1).queryExecution().toRdd().toJavaRDD().mapPartitions(task).collect();
    TableContentsCommit.replace(spark, path, schema, properties, files);
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
