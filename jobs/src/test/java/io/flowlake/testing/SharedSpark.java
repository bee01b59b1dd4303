package io.flowlake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one Spark session of a test JVM: local, two threads, no UI, loopback only, UTC, two shuffle
 * partitions, queries interpreted rather than compiled, Delta enabled. Created on first use,
 * stopped when the JVM's test run ends.
 *
 * <p>Use {@code @ExtendWith(SharedSpark.class)} and take a {@link SparkSession} parameter (in a
 * test, a lifecycle method or the constructor), or call {@link #session()}. No test stops it.
 *
 * <p>The settings are also set as {@code spark.*} system properties, as spark-submit would set
 * them, so a command a test runs in-process ({@code io.flowlake.cli.Sparks}) finds this session,
 * works in it and leaves it running: one session serves the tests and the commands they run.
 *
 * <p>It is stopped through the launcher session's store, not the root context's: surefire runs each
 * class in a request of its own when it hands classes to forks one at a time, and the root context
 * closes at the end of each request.
 */
public final class SharedSpark implements BeforeAllCallback, ParameterResolver {

  /** What spark-submit would pass; read by this session and by every in-process command. */
  static final Map<String, String> SETTINGS =
      Map.of(
          "spark.master", "local[2]",
          "spark.ui.enabled", "false",
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1",
          "spark.sql.shuffle.partitions", "2",
          "spark.sql.session.timeZone", "UTC",
          // Delta rebuilds a table's state in 50 partitions by default: 50 tasks per tiny table
          "spark.databricks.delta.snapshotPartitions", "2",
          // Spark keeps 100 compiled query classes by default; one JVM runs the same marts and
          // Delta's same state queries hundreds of times, and recompiled them as the cache churned:
          // TransformTest took 10% less CPU, 12% less time with this cache (the results are the
          // same: a cache hit is the very class a compilation would make)
          "spark.sql.codegen.cache.maxEntries", "3000",
          // The tests' tables hold tens of rows, so compiling each query's generated Java (Janino,
          // then the JIT) costs far more than running it: interpreted, TransformTest took 41% less
          // time, ErasureIT 32%, BoundedStorageIT 23% (one fork, run one class after the other).
          // Spark runs the same operators either way and tests both modes itself. What a
          // deployment runs, compiled, is still exercised with Spark's defaults: ClusterRunIT's
          // spark-submit run, whose lake and marts must equal an in-process (interpreted) run's,
          // and the benchmarks
          "spark.sql.codegen.wholeStage", "false",
          "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  private static final Namespace NAMESPACE = Namespace.create(SharedSpark.class);
  private static SparkSession session;

  /** The JVM's session, started on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      SETTINGS.forEach(System::setProperty);
      session =
          SparkSession.builder()
              .appName("flowlake-test")
              .config("spark.sql.warehouse.dir", warehouseDir())
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .getOrCreate();
    }
    return session;
  }

  private static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getStore(StoreScope.LAUNCHER_SESSION, NAMESPACE)
        .getOrComputeIfAbsent(Stopper.class, key -> new Stopper(), Stopper.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session();
  }

  /** Stops the session when the launcher session (the test JVM's run) closes. */
  private static final class Stopper implements AutoCloseable {
    @Override
    public void close() {
      stop();
    }
  }

  /** Keeps Spark from creating spark-warehouse/ in the working directory. */
  private static String warehouseDir() {
    try {
      return Files.createTempDirectory("flowlake-warehouse").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
