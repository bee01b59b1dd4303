package io.flowlake.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds every mart of a lake from its runs and run_values: runs the models in dependency order,
 * audits each mart, and writes it to {@code <lake>/marts/<name>} in one Delta commit. Running it
 * twice on the same lake gives the same marts.
 */
public final class Transform {

  private static final Logger LOG = LoggerFactory.getLogger(Transform.class);

  private final SparkSession spark;
  private final ModelCatalog catalog;
  private final String lake;
  private final ModelRunner runner;
  private final SegmentRequest segments;

  private Transform(
      SparkSession spark, ModelCatalog catalog, String lake, SegmentRequest segments) {
    this.spark = spark;
    this.catalog = catalog;
    this.lake = lake;
    this.runner = new ModelRunner(spark, catalog);
    this.segments = segments;
  }

  /**
   * @param lake the lake root, a Hadoop path (local directory, hdfs://, s3a://, ...)
   * @return the row count of each mart and the audits that passed
   * @throws AuditFailedException when a mart breaks an audit (that mart keeps its old version)
   * @throws IllegalArgumentException when the lake has no runs or run_values table
   */
  public static TransformResult run(SparkSession spark, String lake) {
    return run(spark, lake, SegmentRequest.none());
  }

  /**
   * As {@link #run(SparkSession, String)}, with the segment marts cut by {@code segments}.
   *
   * @throws io.flowlake.config.ConfigException before any mart is written, when a dimension reads a
   *     field the lake's contact_fields does not keep, or bands do not fit the field's type
   */
  public static TransformResult run(SparkSession spark, String lake, SegmentRequest segments) {
    return run(spark, lake, ModelCatalog.load(), segments);
  }

  static TransformResult run(SparkSession spark, String lake, ModelCatalog catalog) {
    return run(spark, lake, catalog, SegmentRequest.none());
  }

  static TransformResult run(
      SparkSession spark, String lake, ModelCatalog catalog, SegmentRequest segments) {
    try (SessionDefaults defaults = SessionDefaults.apply(spark)) {
      return new Transform(spark, catalog, lake, segments).run();
    }
  }

  private TransformResult run() {
    runner.registerSources(lake);
    // the lake's own record of kept fields decides, whatever the command line was checked against
    SegmentSettings settings =
        segments.isEmpty()
            ? segments.resolve(Map.of())
            : segments.resolve(SegmentViews.keptFieldTypes(spark, lake));
    SegmentViews.register(spark, lake, settings);
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    List<Audit> passed = new ArrayList<>();
    for (Model model : catalog.models()) {
      long start = System.nanoTime();
      Dataset<Row> rows = runner.query(model);
      switch (model.materialized()) {
        case VIEW -> rows.createOrReplaceTempView(model.name());
        case CACHE -> keep(rows).createOrReplaceTempView(model.name());
        case MART -> passed.addAll(publish(model, rows, counts));
      }
      // without a Spark UI, this is where a slow transform shows which model costs what
      double took = (System.nanoTime() - start) / 1e9;
      seconds.put(model.name(), took);
      LOG.info("model {} ({}) took {} s", model.name(), model.materialized(), took);
    }
    FlowResultsTables.Published results =
        FlowResultsTables.publish(spark, lake, FlowScope.everyFlow());
    results.addTo(counts, seconds);
    return new TransformResult(counts, passed, seconds, results.notes());
  }

  /**
   * Audits the mart's rows, writes them and takes their count from the write's commit. An audited
   * mart is computed once and kept (marts with audits are small aggregates); later models read it
   * from there.
   */
  private List<Audit> publish(Model mart, Dataset<Row> rows, Map<String, Long> counts) {
    List<Audit> audits = ModelAudits.of(mart, catalog);
    String path = MartPaths.mart(lake, mart.name());
    Dataset<Row> source = rows;
    if (!audits.isEmpty()) {
      source = keep(rows);
      source.createOrReplaceTempView(mart.name());
      AuditRunner.check(spark, audits);
    }
    MartWriter.overwrite(mart, source, path);
    counts.put(mart.name(), MartWriter.lastWriteRows(spark, path));
    if (audits.isEmpty()) {
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
   */
  private static Dataset<Row> keep(Dataset<Row> rows) {
    return rows.localCheckpoint(true);
  }
}
