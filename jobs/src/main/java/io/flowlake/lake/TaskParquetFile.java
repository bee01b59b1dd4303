package io.flowlake.lake;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.parquet.ParquetWriteSupport;
import org.apache.spark.sql.types.StructType;

/**
 * One Parquet file a Spark task writes into a table's directory, named as Delta names its data
 * files; part of no table until {@link TableContentsCommit} commits it.
 */
public final class TaskParquetFile {

  private final Path path;
  private final Configuration conf;
  private final OutputWriter writer;
  private long rows;

  private TaskParquetFile(Path path, Configuration conf, OutputWriter writer) {
    this.path = path;
    this.conf = conf;
    this.writer = writer;
  }

  /** Opens a new file in {@code dir}, with {@code schema}; call from a running task. */
  public static TaskParquetFile open(String dir, StructType schema, ParquetFileSetup setup) {
    Configuration conf = new Configuration(setup.conf().value());
    ParquetWriteSupport.setSchema(schema, conf);
    TaskContext task = TaskContext.get();
    TaskAttemptID attempt =
        new TaskAttemptID(
            new TaskID(new JobID("flowlake", task.stageId()), TaskType.MAP, task.partitionId()),
            task.attemptNumber());
    TaskAttemptContextImpl context = new TaskAttemptContextImpl(conf, attempt);
    String name =
        String.format(
            "part-%05d-%s-c000%s",
            task.partitionId(), UUID.randomUUID(), setup.factory().getFileExtension(context));
    Path path = new Path(dir, name);
    return new TaskParquetFile(
        path, conf, setup.factory().newInstance(path.toString(), schema, context));
  }

  /** Writes a row; the writer is done with it when this returns, so the row may be reused. */
  public void write(InternalRow row) {
    writer.write(row);
    rows++;
  }

  /** Closes the file and says what it holds. */
  public TableFile close() throws IOException {
    writer.close();
    FileStatus status = path.getFileSystem(conf).getFileStatus(path);
    return new TableFile(path.getName(), status.getLen(), status.getModificationTime(), rows);
  }

  /** For a failing task: closes and deletes the file, so no half-written file stays behind. */
  public void abort() {
    try {
      writer.close();
    } catch (Exception e) {
      // the task is failing already; its own error is the one to report (Spark's writer, Scala
      // code, may throw an IOException it does not declare)
    }
    delete();
  }

  /** For a failing task: deletes the file, closed or not; it is in no commit. */
  public void delete() {
    try {
      path.getFileSystem(conf).delete(path, false);
    } catch (IOException e) {
      // a leftover file is in no commit: a vacuum deletes it
    }
  }
}
