package io.flowlake.cli;

import io.flowlake.api.ConfigException;
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

  static final String PASSWORD_ENV = "FLOWLAKE_JDBC_PASSWORD";

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description = "Write the marts to PostgreSQL, e.g. jdbc:postgresql://db:5432/analytics.")
  String url;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "PostgreSQL user.")
  String user;

  @Option(
      names = "--jdbc-password-file",
      paramLabel = "FILE",
      description = "File holding the password (default: the " + PASSWORD_ENV + " variable).")
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
