package io.flowlake.cli;

import io.flowlake.config.FieldSelection;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --contact-fields}: {@code '*'} or a comma list of keys, checked before any work starts.
 */
final class FieldSelectionConverter implements ITypeConverter<FieldSelection> {

  @Override
  public FieldSelection convert(String value) {
    try {
      return FieldSelection.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException(
          "--contact-fields '" + value + "' must be " + FieldSelection.TYPE.expected());
    }
  }
}
