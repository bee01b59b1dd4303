package io.flowlake.models;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Turns models into Spark: registers the lake's tables and each model as a temp view named after
 * it, so a model's SQL reads its dependencies by name.
 */
public final class ModelRunner {

  private final SparkSession spark;
  private final ModelCatalog catalog;

  public ModelRunner(SparkSession spark, ModelCatalog catalog) {
    this.spark = spark;
    this.catalog = catalog;
  }

  /**
   * Registers the lake's tables, {@code <lake>/runs} and {@code <lake>/run_values}, as the views
   * {@code runs} and {@code run_values}; the segment sources are {@link SegmentViews}' to register.
   *
   * @throws IllegalArgumentException when one of them is not a Delta table
   */
  public void registerSources(String lake) {
    registerSources(lake, FlowScope.everyFlow(), Map.of());
  }

  /**
   * As {@link #registerSources(String)}, each table read at its version in {@code versions} (the
   * latest when absent) and holding only the rows of the flows in {@code scope}.
   *
   * <p>The views stay lazy: each model reads the columns it needs of the scope's rows itself. The
   * lake is laid out by flow (docs/transform.md), so Delta's file statistics on {@code flow_uuid}
   * skip the other flows' files at each read. A partial scope used to read each table's rows once
   * into Spark's cache instead, every column of them, paths and values included, which the
   * recomputation of 2 flows of a 10M-run lake then spent a third more CPU on.
   */
  void registerSources(String lake, FlowScope scope, Map<String, Long> versions) {
    for (Source source : catalog.sources()) {
      if (!source.fromLake()) {
        continue; // SegmentViews registers it
      }
      String path = MartPaths.table(lake, source.name());
      if (TableSnapshot.latestVersionIfAny(spark, path).isEmpty()) {
        throw new IllegalArgumentException(
            "no Delta table at " + path + ": check --lake, or pull runs into the lake first");
      }
      DataFrameReader reader = spark.read().format("delta");
      if (versions.containsKey(source.name())) {
        reader = reader.option("versionAsOf", versions.get(source.name()));
      }
      Dataset<Row> rows = reader.load(path);
      if (!scope.all()) {
        rows = rows.where(col("flow_uuid").isin(scope.flows().toArray()));
      }
      rows.createOrReplaceTempView(source.name());
    }
  }

  /**
   * Registers every model as a lazy temp view over the registered sources, e.g. for a notebook;
   * writes nothing.
   */
  public void registerViews() {
    for (Model model : catalog.models()) {
      query(model).createOrReplaceTempView(model.name());
    }
  }

  /** The model's rows, over whatever its dependencies are registered as right now. */
  public Dataset<Row> query(Model model) {
    return spark.sql(model.sql());
  }
}
