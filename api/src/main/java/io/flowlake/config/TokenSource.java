package io.flowlake.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the API token comes from, the one rule for the CLI and both sources: the {@code token} read
 * option, else the file of {@code --token-file} / {@code tokenFile}, else {@code RAPIDPRO_TOKEN}.
 * Messages name the file or the variable, never the token.
 */
public final class TokenSource {

  private TokenSource() {}

  /**
   * @param given the token itself (a read option), or null
   * @param file a file holding it, or null
   * @param fromEnv the value of {@code RAPIDPRO_TOKEN}, or null
   * @throws ConfigException when there is no token or the file cannot be read
   */
  public static String resolve(String given, String file, String fromEnv) {
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    if (file != null) {
      String token;
      try {
        token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        throw new ConfigException("cannot read the token file " + file + ": " + e.getMessage());
      }
      if (token.isEmpty()) {
        throw new ConfigException("the token file " + file + " is empty");
      }
      return token;
    }
    if (fromEnv == null || fromEnv.isBlank()) {
      throw new ConfigException(
          "no API token: set "
              + ConnectionSettings.TOKEN_ENV
              + " or give a token file (--token-file FILE, or the read option tokenFile)");
    }
    return fromEnv.strip();
  }
}
