package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.api.ConfigException;
import io.flowlake.pull.PullSettings;
import io.flowlake.source.ReadConcurrency;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a pull chooses its window: shared by {@code pull} and {@code run}. */
final class PullOptions {

  @Option(
      names = "--overlap",
      paramLabel = "DURATION",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description =
          "Re-read this much before the watermark on incremental pulls (default: ${DEFAULT-VALUE}).")
  Duration overlap;

  @Option(names = "--full", description = "Ignore the watermark and fetch every run again.")
  boolean full;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description =
          "Windows read at the same time, all under the one request budget (default: 4 per task"
              + " slot, at least 8).")
  Integer parallelism;

  PullSettings settings(ApiConfig config) {
    Map<String, String> options = new HashMap<>(ApiOptions.sourceOptions(config));
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new ConfigException(
            "--parallelism must be a positive whole number, got " + parallelism);
      }
      options.put(ReadConcurrency.PARALLELISM, Integer.toString(parallelism));
    }
    return new PullSettings(options, overlap, full);
  }
}
