package io.flowlake.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The oracle an incremental transform is checked against: every mart as a full transform computes
 * it, from the lake's tables at their latest versions and every flow, by the same models and
 * segment settings, but held in memory instead of written. It is what {@code transform --full}
 * would commit, without a copy of the lake or a Delta commit per mart; the audits are the written
 * transform's to run.
 */
public final class FullRecompute {

  private FullRecompute() {}

  /** Each mart's rows by mart name, computed from the whole lake; writes nothing. */
  public static Map<String, Dataset<Row>> marts(
      SparkSession spark, String lake, SegmentRequest segments) {
    ModelCatalog catalog = ModelCatalog.load();
    SegmentSettings settings = segments.resolve(SegmentViews.keptFieldTypes(spark, lake));
    ModelRunner runner = new ModelRunner(spark, catalog);
    runner.registerSources(lake);
    SegmentViews.register(spark, lake, settings);
    Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
    for (Model model : catalog.models()) {
      // kept as computed now: a later transform replaces the views these rows are read through
      Dataset<Row> rows = runner.query(model).localCheckpoint(true);
      rows.createOrReplaceTempView(model.name());
      if (model.materialized() == Materialization.MART) {
        marts.put(model.name(), rows);
      }
    }
    return marts;
  }
}
