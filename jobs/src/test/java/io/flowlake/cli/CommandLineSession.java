package io.flowlake.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that run a Spark command in-process: configures the command's own Spark session through
 * spark.* system properties, as spark-submit would, and captures what it prints.
 */
public final class CommandLineSession implements BeforeEachCallback, AfterEachCallback {

  private static final Map<String, String> SPARK_PROPERTIES =
      Map.of(
          "spark.master", "local[2]",
          "spark.ui.enabled", "false",
          "spark.driver.host", "127.0.0.1",
          "spark.driver.bindAddress", "127.0.0.1",
          "spark.sql.shuffle.partitions", "2",
          "spark.databricks.delta.snapshotPartitions", "2");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream stdout;

  @Override
  public void beforeEach(ExtensionContext context) {
    SPARK_PROPERTIES.forEach(System::setProperty);
    stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(stdout);
    SPARK_PROPERTIES.keySet().forEach(System::clearProperty);
  }

  /** Everything printed to standard output so far in this test. */
  public String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
