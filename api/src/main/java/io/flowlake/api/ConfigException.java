package io.flowlake.api;

/** A setting is unusable. The message is one line quoting the bad value and saying what to do. */
public class ConfigException extends IllegalArgumentException {

  public ConfigException(String message) {
    super(message);
  }
}
