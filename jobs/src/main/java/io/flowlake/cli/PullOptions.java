package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.pull.PullSettings;
import java.time.Duration;
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

  PullSettings settings(ApiConfig config) {
    return new PullSettings(ApiOptions.sourceOptions(config), overlap, full);
  }
}
