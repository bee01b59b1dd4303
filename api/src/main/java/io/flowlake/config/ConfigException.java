package io.flowlake.config;

/**
 * A setting is unusable: an unknown option, a bad value, a missing token. The message is one line
 * quoting the bad key or value (never a secret) and saying what to do. The CLI turns it into exit
 * code 2; the Spark sources let it surface from {@code load()}.
 */
public class ConfigException extends IllegalArgumentException {

  public ConfigException(String message) {
    super(message);
  }
}
