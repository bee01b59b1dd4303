package io.flowlake.privacy;

import io.flowlake.config.CommandSettings;
import io.flowlake.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Turns {@code --personal-data} and the key's sources into a {@link PersonalData}, before any Spark
 * work: the key is the bytes of {@code --pii-key-file} (less trailing line breaks), else the text
 * of {@code FLOWLAKE_PII_KEY}; the file wins when both are given. Messages name the file or the
 * variable, never the key.
 */
public final class PersonalDataSettings {

  private PersonalDataSettings() {}

  /**
   * @param policy {@code drop}, {@code hash} or {@code keep} as given
   * @param keyFile the key file, or null
   * @param keyFromEnv the value of {@code FLOWLAKE_PII_KEY}, or null
   * @throws ConfigException for an unknown policy, or {@code hash} without a usable key
   */
  public static PersonalData resolve(String policy, Path keyFile, String keyFromEnv) {
    PersonalDataPolicy chosen;
    try {
      chosen = PersonalDataPolicy.parse(policy);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage() + ": give --personal-data drop, hash or keep");
    }
    return switch (chosen) {
      case DROP -> PersonalData.drop();
      case KEEP -> PersonalData.keep();
      case HASH -> PersonalData.hashed(key(keyFile, keyFromEnv));
    };
  }

  private static byte[] key(Path keyFile, String keyFromEnv) {
    if (keyFile != null) {
      byte[] key = withoutTrailingLineBreaks(read(keyFile));
      if (key.length == 0) {
        throw new ConfigException(
            "the key file " + keyFile + " (--pii-key-file) is empty: put the lake's key in it");
      }
      return key;
    }
    if (keyFromEnv == null || keyFromEnv.isEmpty()) {
      throw new ConfigException(
          "the personal-data policy 'hash' needs a key: set "
              + CommandSettings.PII_KEY_ENV
              + " or --pii-key-file FILE");
    }
    return keyFromEnv.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(Path keyFile) {
    try {
      return Files.readAllBytes(keyFile);
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "cannot read the key file "
              + keyFile
              + " (--pii-key-file): "
              + e.getClass().getSimpleName()
              + "; give a readable file");
    }
  }

  /** An editor's final newline is not part of the key. */
  private static byte[] withoutTrailingLineBreaks(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }
}
