package io.flowlake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks for strings in the raw bytes of every file under a folder (hidden ones, {@code _delta_log},
 * checkpoints and {@code .crc} files included), as UTF-8: what a person with the disk could find.
 * Compressed files hide their text, so a test scanning Parquet writes it uncompressed and proves
 * the scan finds what it should before proving it finds nothing.
 */
public final class RawBytesScan {

  private RawBytesScan() {}

  /** For each needle found, the files (relative to {@code root}) holding it; absent if none. */
  public static Map<String, List<String>> find(Path root, List<String> needles) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        byte[] bytes = Files.readAllBytes(file);
        for (String needle : needles) {
          if (indexOf(bytes, needle.getBytes(StandardCharsets.UTF_8)) >= 0) {
            found
                .computeIfAbsent(needle, n -> new ArrayList<>())
                .add(root.relativize(file).toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
