package io.flowlake.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --retention}: how far back a vacuum keeps the files of older lake versions. */
final class RetentionOption {

  @Option(names = "--retention", paramLabel = "DURATION", converter = DurationConverter.class)
  Duration retention;

  Duration retention() {
    if (retention.isNegative()) {
      throw new io.flowlake.config.ConfigException(
          "--retention " + retention + " cannot be negative: give e.g. 7d, or 0s to keep none");
    }
    return retention;
  }
}
