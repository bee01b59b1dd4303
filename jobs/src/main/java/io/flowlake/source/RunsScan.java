package io.flowlake.source;

import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** A read of the runs endpoint between {@code after} and the fixed {@code before}. */
final class RunsScan implements Scan {

  private final SourceOptions options;
  private final ReadConcurrency concurrency;
  private final StructType schema;
  private RunsBatch batch;

  RunsScan(SourceOptions options, ReadConcurrency concurrency, StructType schema) {
    this.options = options;
    this.concurrency = concurrency;
    this.schema = schema;
  }

  @Override
  public StructType readSchema() {
    return schema;
  }

  /** Shown in plans and the Spark UI: never the token. */
  @Override
  public String description() {
    return "RapidProRuns[api="
        + options.api().api()
        + ", after="
        + options.after()
        + ", before="
        + options.before()
        + ", paths="
        + RunColumns.needsPath(schema)
        + "]";
  }

  @Override
  public Batch toBatch() {
    // One batch per scan, so that Spark asking twice (it plans, then checks the plan) probes once.
    if (batch == null) {
      batch = new RunsBatch(options, concurrency, schema);
    }
    return batch;
  }
}
