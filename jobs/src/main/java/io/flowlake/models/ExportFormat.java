package io.flowlake.models;

import java.util.Arrays;
import java.util.Locale;

/** File formats an export can write, for tools that do not read Delta. */
public enum ExportFormat {
  CSV,
  PARQUET;

  /** The format's name as written on the command line, in file names and in the manifest. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static ExportFormat parse(String value) {
    return Arrays.stream(values())
        .filter(f -> f.id().equalsIgnoreCase(value == null ? "" : value.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown export format '" + value + "': use csv or parquet"));
  }
}
