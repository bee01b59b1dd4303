package io.flowlake.models;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The source rows a transform keeps in Spark's columnar cache while its models read them, freed
 * when it closes (also when a model fails, so a long-lived session, e.g. a notebook's, does not
 * keep them).
 */
final class KeptSources implements AutoCloseable {

  private final List<Dataset<Row>> kept = new ArrayList<>();

  /** Caches the rows, computing them now, and returns the cached dataset to register. */
  Dataset<Row> keep(Dataset<Row> rows) {
    Dataset<Row> cached = rows.persist(StorageLevel.MEMORY_AND_DISK());
    kept.add(cached);
    cached.count();
    return cached;
  }

  @Override
  public void close() {
    kept.forEach(rows -> rows.unpersist(false));
    kept.clear();
  }
}
