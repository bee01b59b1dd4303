package io.flowlake.pull;

import java.time.Duration;
import java.util.Map;

/**
 * What a pull needs beyond the lake: the {@code rapidpro} source options (API, token, pacing), the
 * overlap re-read below the watermark on incremental pulls (API.md pitfall 4: a row can become
 * visible after its {@code modified_on} has been passed), and whether to ignore the watermark.
 */
public record PullSettings(Map<String, String> sourceOptions, Duration overlap, boolean full) {

  public PullSettings {
    sourceOptions = Map.copyOf(sourceOptions);
  }

  @Override
  public String toString() {
    return "PullSettings[overlap=" + overlap + ", full=" + full + "]";
  }
}
