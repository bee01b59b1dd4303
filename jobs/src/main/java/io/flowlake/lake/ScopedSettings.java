package io.flowlake.lake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Session settings for one step only: set before it, and after it (however it ends) each restored
 * to what the session held, or unset when the session held nothing, so a notebook's session or a
 * later step sees no trace. A setting restored to Spark's default value instead of unset would
 * still read as set by the user to every later {@code conf.contains}.
 */
public final class ScopedSettings {

  private ScopedSettings() {}

  /** Runs {@code step} with {@code settings} in place, and returns what it returned. */
  public static <T> T during(SparkSession spark, Map<String, String> settings, Supplier<T> step) {
    RuntimeConfig conf = spark.conf();
    Map<String, Optional<String>> before = new LinkedHashMap<>();
    settings.forEach(
        (key, value) ->
            before.put(key, conf.contains(key) ? Optional.of(conf.get(key)) : Optional.empty()));
    try {
      // inside the try: a setting Spark refuses still has the ones set before it undone
      settings.forEach(conf::set);
      return step.get();
    } finally {
      before.forEach(
          (key, value) -> {
            if (value.isPresent()) {
              conf.set(key, value.get());
            } else {
              conf.unset(key);
            }
          });
    }
  }

  /** As {@link #during(SparkSession, Map, Supplier)}, for a step that returns nothing. */
  public static void during(SparkSession spark, Map<String, String> settings, Runnable step) {
    during(
        spark,
        settings,
        () -> {
          step.run();
          return null;
        });
  }
}
