package io.flowlake.config;

import java.util.Locale;
import java.util.Map;

/**
 * One option, declared once: its key, type, default and one line of doc. Every surface derives its
 * spelling from the key: the Spark read option is the key itself ({@code requestsPerHour}), the CLI
 * flag is {@link #flag()} ({@code --requests-per-hour}), the config file key is {@link #fileKey()}
 * ({@code requests-per-hour}) and the environment variable is {@link #envName()} ({@code
 * FLOWLAKE_REQUESTS_PER_HOUR}).
 *
 * @param key the read option's name, camelCase
 * @param type how its text becomes a value
 * @param rawDefault the default as text, parseable by {@code type}; null when there is none or it
 *     is computed at run time
 * @param shownDefault how the options reference shows the default, e.g. {@code 3600} or {@code 4
 *     per task slot, at least 8}; null for none
 * @param doc one line saying what the option does
 */
public record Setting<T>(
    String key, ValueType<T> type, String rawDefault, String shownDefault, String doc) {

  /** The {@link #shownDefault} of an option that must be given. */
  public static final String REQUIRED = "(required)";

  public Setting {
    if (rawDefault != null) {
      type.parse(rawDefault); // a default its own type refuses is a bug, found at class load
    }
  }

  /** An option whose default is {@code rawDefault}. */
  static <T> Setting<T> of(String key, ValueType<T> type, String rawDefault, String doc) {
    return new Setting<>(key, type, rawDefault, rawDefault, doc);
  }

  /** An option without a fixed default; {@code shownDefault} says what happens instead, or null. */
  static <T> Setting<T> computed(String key, ValueType<T> type, String shownDefault, String doc) {
    return new Setting<>(key, type, null, shownDefault, doc);
  }

  /** The typed default, or null when there is none. */
  public T defaultValue() {
    return rawDefault == null ? null : type.parse(rawDefault);
  }

  /**
   * The value of this option in {@code options} (whose keys match case-insensitively, as Spark's
   * do), else its default.
   *
   * @throws ConfigException quoting the value when the type refuses it
   */
  public T from(Map<String, String> options) {
    for (Map.Entry<String, String> option : options.entrySet()) {
      if (option.getKey().equalsIgnoreCase(key)) {
        return parse(option.getValue());
      }
    }
    return defaultValue();
  }

  /** Whether {@code options} sets this option, its keys matched case-insensitively. */
  public boolean isIn(Map<String, String> options) {
    return options.keySet().stream().anyMatch(key::equalsIgnoreCase);
  }

  /**
   * @throws ConfigException naming the option, quoting {@code text} and saying what it must be
   */
  public T parse(String text) {
    try {
      return type.parse(text);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "option '" + key + "' must be " + type.expected() + ", got '" + text + "'");
    }
  }

  /** {@code requestsPerHour} as a CLI flag: {@code --requests-per-hour}. */
  public String flag() {
    return "--" + fileKey();
  }

  /** {@code requestsPerHour} as a config file key: {@code requests-per-hour}. */
  public String fileKey() {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** {@code requestsPerHour} as an environment variable: {@code FLOWLAKE_REQUESTS_PER_HOUR}. */
  public String envName() {
    return "FLOWLAKE_" + fileKey().replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
