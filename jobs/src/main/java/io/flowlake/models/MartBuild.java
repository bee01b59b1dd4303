package io.flowlake.models;

import io.flowlake.lake.ConcurrentTableWrites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the marts of the flows in a scope and writes them: runs the models in dependency order
 * over the lake's tables filtered to the scope, audits each mart's rows, and replaces the scope's
 * rows of each mart in one Delta commit ({@link MartWriter#write}). The marts that do not read each
 * other are built side by side ({@link ModelWaves}, {@link ConcurrentTableWrites}). Every mart's
 * rows belong to one flow each, so a flow's rows computed from its own runs equal those a full
 * rebuild computes; so do each flow's results tables ({@link FlowResultsTables}), written last.
 */
final class MartBuild {

  private static final Logger LOG = LoggerFactory.getLogger(MartBuild.class);

  private final SparkSession spark;
  private final ModelCatalog catalog;
  private final String lake;
  private final ModelRunner runner;
  // written by the threads of a wave's marts; reported in the catalog's order
  private final Map<String, Long> counts = new ConcurrentHashMap<>();
  private final Map<String, Double> seconds = new ConcurrentHashMap<>();
  private final Map<String, List<Audit>> passed = new ConcurrentHashMap<>();

  MartBuild(SparkSession spark, ModelCatalog catalog, String lake) {
    this.spark = spark;
    this.catalog = catalog;
    this.lake = lake;
    this.runner = new ModelRunner(spark, catalog);
  }

  /**
   * @param versions the version each source table is read at
   */
  TransformResult build(FlowScope scope, Map<String, Long> versions, SegmentSettings settings) {
    runner.registerSources(lake, scope, versions);
    SegmentViews.register(spark, lake, settings);
    for (List<Model> wave : ModelWaves.of(catalog.models())) {
      build(wave, scope);
    }
    // each flow's results table, from the same scope-filtered views and flow_results_index
    return result(scope, FlowResultsTables.publish(spark, lake, scope));
  }

  /** Each mart's rows, audits and time, in the catalog's order, then the results tables'. */
  private TransformResult result(FlowScope scope, FlowResultsTables.Published results) {
    Map<String, Long> rowCounts = new LinkedHashMap<>();
    Map<String, Double> took = new LinkedHashMap<>();
    List<Audit> audits = new ArrayList<>();
    for (Model model : catalog.models()) {
      took.put(model.name(), seconds.get(model.name()));
      if (counts.containsKey(model.name())) {
        rowCounts.put(model.name(), counts.get(model.name()));
        audits.addAll(passed.get(model.name()));
      }
    }
    results.addTo(rowCounts, took);
    return new TransformResult(rowCounts, audits, took, scope, "", results.notes());
  }

  /**
   * A wave's views and caches in order, then its marts side by side: each mart's audits and commit
   * are seconds of driver-side work during which the cores would otherwise idle.
   */
  private void build(List<Model> wave, FlowScope scope) {
    List<Model> marts = new ArrayList<>();
    for (Model model : wave) {
      if (model.isMart()) {
        marts.add(model);
      } else {
        build(model, scope);
      }
    }
    ConcurrentTableWrites.runAsIfInline(
        marts,
        Model::name,
        mart -> {
          build(mart, scope);
          return 0;
        });
  }

  private void build(Model model, FlowScope scope) {
    long start = System.nanoTime();
    Dataset<Row> rows = runner.query(model);
    switch (model.materialized()) {
      case VIEW -> rows.createOrReplaceTempView(model.name());
      case CACHE -> keep(rows).createOrReplaceTempView(model.name());
      case MART -> passed.put(model.name(), publish(model, rows, scope));
    }
    // without a Spark UI, this is where a slow transform shows which model costs what
    double took = (System.nanoTime() - start) / 1e9;
    seconds.put(model.name(), took);
    LOG.info("model {} ({}) took {} s", model.name(), model.materialized(), took);
  }

  /**
   * Audits the mart's rows, writes them and takes their count from the write's commit. An audited
   * mart is computed once and kept (marts with audits are small aggregates); later models read it
   * from there.
   */
  private List<Audit> publish(Model mart, Dataset<Row> rows, FlowScope scope) {
    List<Audit> audits = ModelAudits.of(mart, catalog);
    String path = MartPaths.mart(lake, mart.name());
    Dataset<Row> source = rows;
    // under a partial scope, later models read the scope's rows, not the whole written mart
    boolean kept = !audits.isEmpty() || !scope.all();
    if (kept) {
      source = keep(rows);
      source.createOrReplaceTempView(mart.name());
      AuditRunner.check(spark, audits);
    }
    counts.put(mart.name(), MartWriter.write(source, path, scope));
    if (!kept) {
      // later models read the written mart, not a recomputation of its query
      spark.read().format("delta").load(path).createOrReplaceTempView(mart.name());
    }
    return audits;
  }

  /**
   * Computes the rows once and keeps them in memory (spilling to disk) for the models that read
   * them. A local checkpoint, not a cache: Spark 4 does not substitute cached data under the import
   * CTEs every model starts with, so a cached view would be recomputed by each reader. Spark frees
   * the blocks once the view is replaced and the dataset garbage collected.
   *
   * <p>Rows kept in one partition (a changed scope's aggregates, and most marts, are small enough
   * for Spark to put them in one) are marked as such, so the models that read them plan no shuffle
   * to group or join them: Spark cannot tell a kept dataset's partitioning otherwise, and each
   * shuffle of a few rows is its own Spark job. That took a warm {@code run} of 3 new and 3 changed
   * runs from about 122 Spark jobs to 84.
   */
  static Dataset<Row> keep(Dataset<Row> rows) {
    Dataset<Row> kept = rows.localCheckpoint(true);
    // coalesce(1) of one partition moves no row; it makes the plan's partitioning a single one
    return kept.queryExecution().toRdd().getNumPartitions() == 1 ? kept.coalesce(1) : kept;
  }
}
