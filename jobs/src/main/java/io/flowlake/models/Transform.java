package io.flowlake.models;

import io.flowlake.lake.LakePaths;
import io.flowlake.lake.RunValuesPending;
import io.flowlake.lake.TransformState;
import io.flowlake.lake.TransformState.Mark;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every mart of a lake up to date with its runs, run_values and contacts: recomputes the
 * flows that changed since the versions the marts were last computed from ({@link ChangedFlows},
 * from Delta's change data feed), every flow when that cannot be known or {@code full} is asked,
 * and nothing at all when nothing changed. Each mart is audited and written in one Delta commit
 * ({@link MartBuild}); the versions are recorded last ({@link TransformState}), so a transform or a
 * run killed at any point leaves the next transform recomputing at least what changed. Running it
 * twice on the same lake gives the same marts, and they equal a full rebuild's.
 */
public final class Transform {

  private static final Logger LOG = LoggerFactory.getLogger(Transform.class);

  private final SparkSession spark;
  private final ModelCatalog catalog;
  private final String lake;
  private final SegmentRequest segments;

  private Transform(
      SparkSession spark, ModelCatalog catalog, String lake, SegmentRequest segments) {
    this.spark = spark;
    this.catalog = catalog;
    this.lake = lake;
    this.segments = segments;
  }

  /**
   * @param lake the lake root, a Hadoop path (local directory, hdfs://, s3a://, ...)
   * @return the row count of each mart written and the audits that passed
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
    return run(spark, lake, segments, false);
  }

  /**
   * As {@link #run(SparkSession, String, SegmentRequest)}; with {@code full}, every mart is rebuilt
   * from the whole lake whatever changed.
   */
  public static TransformResult run(
      SparkSession spark, String lake, SegmentRequest segments, boolean full) {
    return run(spark, lake, ModelCatalog.load(), segments, full);
  }

  static TransformResult run(SparkSession spark, String lake, ModelCatalog catalog) {
    return run(spark, lake, catalog, SegmentRequest.none(), false);
  }

  static TransformResult run(
      SparkSession spark,
      String lake,
      ModelCatalog catalog,
      SegmentRequest segments,
      boolean full) {
    try (SessionDefaults defaults = SessionDefaults.apply(spark)) {
      return new Transform(spark, catalog, lake, segments).run(full);
    }
  }

  private TransformResult run(boolean full) {
    long start = System.nanoTime();
    // the lake's own record of kept fields decides, whatever the command line was checked against
    SegmentSettings settings =
        segments.isEmpty()
            ? segments.resolve(Map.of())
            : segments.resolve(SegmentViews.keptFieldTypes(spark, lake));
    LakePaths paths = new LakePaths(lake);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    TransformState state = new TransformState(paths, conf);
    Mark now =
        new Mark(
            SourceVersions.of(spark, lake),
            MartsFingerprint.of(catalog, settings),
            !new RunValuesPending(paths, conf).isSet());
    ChangedFlows.Decision decision =
        full
            ? new ChangedFlows.Decision(FlowScope.everyFlow(), "rebuilding every mart: --full")
            : new ChangedFlows(spark, lake)
                .since(
                    state.mark(),
                    now,
                    catalog.marts().stream().map(Model::name).toList(),
                    !settings.dimensions().isEmpty());
    LOG.info("{} (decided in {} s)", decision.why(), (System.nanoTime() - start) / 1e9);
    if (decision.scope().isNothing()) {
      return TransformResult.upToDate(decision.why());
    }
    TransformResult result =
        new MartBuild(spark, catalog, lake).build(decision.scope(), now.versions(), settings);
    // last, once every mart is committed: a transform killed before this keeps the previous mark
    state.commit(now);
    return result.because(decision.why());
  }
}
