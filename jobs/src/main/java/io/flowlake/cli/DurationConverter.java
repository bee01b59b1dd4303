package io.flowlake.cli;

import io.flowlake.config.ValueType;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people write them: {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 {@code PT10M};
 * the same rule as the read options' ({@link ValueType#DURATION}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return ValueType.DURATION.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not " + ValueType.DURATION.expected());
    }
  }
}
