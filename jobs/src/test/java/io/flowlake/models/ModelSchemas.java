package io.flowlake.models;

import io.flowlake.lake.LakeTables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** The schema of every source and model, from the models run over empty lake tables. */
final class ModelSchemas {

  private ModelSchemas() {}

  /** The lake tables' declared schemas, by source name. */
  static final Map<String, StructType> SOURCES = sources();

  private static Map<String, StructType> sources() {
    Map<String, StructType> sources = new LinkedHashMap<>(SegmentViews.SCHEMAS);
    sources.put(LakeTables.RUNS, LakeTables.RUNS_SCHEMA);
    sources.put(LakeTables.RUN_VALUES, LakeTables.RUN_VALUES_SCHEMA);
    return Map.copyOf(sources);
  }

  static Map<String, StructType> of(SparkSession spark, ModelCatalog catalog) {
    Map<String, StructType> schemas = new LinkedHashMap<>();
    for (Source source : catalog.sources()) {
      StructType schema = SOURCES.get(source.name());
      spark.createDataFrame(List.<Row>of(), schema).createOrReplaceTempView(source.name());
      schemas.put(source.name(), schema);
    }
    ModelRunner runner = new ModelRunner(spark, catalog);
    runner.registerViews();
    for (Model model : catalog.models()) {
      schemas.put(model.name(), spark.table(model.name()).schema());
    }
    return schemas;
  }
}
