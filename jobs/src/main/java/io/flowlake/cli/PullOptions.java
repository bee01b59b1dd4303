package io.flowlake.cli;

import io.flowlake.api.ApiConfig;
import io.flowlake.config.ConfigException;
import io.flowlake.config.ReadSettings;
import io.flowlake.privacy.PersonalData;
import io.flowlake.pull.PullSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How a pull chooses its window: shared by {@code pull} and {@code run}. */
final class PullOptions {

  @Option(names = "--overlap", paramLabel = "DURATION", converter = DurationConverter.class)
  Duration overlap;

  @Option(names = "--full")
  boolean full;

  @Option(names = "--parallelism", paramLabel = "N")
  Integer parallelism;

  PullSettings settings(ApiConfig config, PersonalData personalData) {
    Map<String, String> options = new HashMap<>(ApiOptions.sourceOptions(config));
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new ConfigException(
            "--parallelism must be a positive whole number, got " + parallelism);
      }
      options.put(ReadSettings.PARALLELISM.key(), Integer.toString(parallelism));
    }
    return new PullSettings(
        options, overlap, full, PullSettings.DEFAULT_CHUNK_WINDOWS, personalData);
  }
}
