package io.flowlake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file under a lake, by relative path, with the SHA-256 of its bytes: two fingerprints are
 * equal exactly when no file was added, removed or changed, Delta logs and {@code _state} included.
 */
public final class LakeFingerprint {

  private LakeFingerprint() {}

  public static Map<String, String> of(Path lake) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(lake)) {
      walk.filter(Files::isRegularFile)
          .forEach(file -> files.put(lake.relativize(file).toString(), sha256(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
