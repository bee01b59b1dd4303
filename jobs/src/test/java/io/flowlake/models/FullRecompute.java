package io.flowlake.models;

import io.flowlake.lake.ConcurrentTableWrites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    Map<String, Dataset<Row>> computed = new LinkedHashMap<>();
    // in the transform's own waves, a wave's marts side by side: the oracle runs after every step
    // of the property test, and one model after the other it cost as much as the steps
    for (List<Model> wave : ModelWaves.of(catalog.models())) {
      List<Model> marts = new ArrayList<>();
      for (Model model : wave) {
        if (model.isMart()) {
          marts.add(model);
        } else {
          computed.put(model.name(), keep(runner, model));
        }
      }
      computed.putAll(ConcurrentTableWrites.run(marts, Model::name, mart -> keep(runner, mart)));
    }
    Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
    for (Model model : catalog.models()) {
      if (model.materialized() == Materialization.MART) {
        marts.put(model.name(), computed.get(model.name()));
      }
    }
    return marts;
  }

  /** The model's rows as computed now, registered as its view for the models that read it. */
  private static Dataset<Row> keep(ModelRunner runner, Model model) {
    // kept as computed now: a later transform replaces the views these rows are read through
    Dataset<Row> rows = runner.query(model).localCheckpoint(true);
    rows.createOrReplaceTempView(model.name());
    return rows;
  }
}
