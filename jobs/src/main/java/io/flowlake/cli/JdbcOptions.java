package io.flowlake.cli;

import io.flowlake.config.CommandSettings;
import io.flowlake.config.ConfigException;
import io.flowlake.warehouse.JdbcTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where {@code export --jdbc-url} writes. The password comes from {@code FLOWLAKE_JDBC_PASSWORD} or
 * a file, never from the command line or the config file.
 */
final class JdbcOptions {

  static final String PASSWORD_ENV = CommandSettings.JDBC_PASSWORD_ENV;

  @Option(names = "--jdbc-url", paramLabel = "URL")
  String url;

  @Option(names = "--jdbc-user", paramLabel = "USER")
  String user;

  @Option(names = "--jdbc-password-file", paramLabel = "FILE")
  Path passwordFile;

  JdbcTarget target() {
    try {
      return new JdbcTarget(url, user, password());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private String password() {
    if (passwordFile != null) {
      try {
        return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigException(
            "cannot read the password file " + passwordFile + ": " + e.getMessage());
      }
    }
    return System.getenv(PASSWORD_ENV); // null: a server that trusts the connection
  }
}
