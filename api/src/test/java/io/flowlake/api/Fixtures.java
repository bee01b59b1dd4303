package io.flowlake.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The recorded RapidPro responses in {@code shared/rapidpro/fixtures}. The repository sits beside
 * {@code shared/} (locally {@code <x>/main} or a worktree next to {@code <x>/shared}; CI puts a
 * copy of {@code shared/} beside its clone), so the directory is found by walking up from the
 * working directory.
 */
final class Fixtures {

  private static final Path DIR = locate();

  private Fixtures() {}

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(String name) {
    try {
      return Files.readAllLines(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/rapidpro/fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no shared/rapidpro/fixtures in "
            + start
            + " or any parent: put a copy of shared/ beside the repository");
  }
}
