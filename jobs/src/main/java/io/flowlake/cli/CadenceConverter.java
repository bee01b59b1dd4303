package io.flowlake.cli;

import io.flowlake.config.ValueType;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How often: a duration ({@link DurationConverter}'s rule), {@code 0s} or {@code never}. */
final class CadenceConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    try {
      return ValueType.CADENCE.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not " + ValueType.CADENCE.expected());
    }
  }
}
