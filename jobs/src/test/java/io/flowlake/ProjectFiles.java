package io.flowlake;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's own folders (schemas/, bench/ ...) from wherever Maven runs a test. */
public final class ProjectFiles {

  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("schemas"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the project root above " + Path.of("").toAbsolutePath());
  }

  public static Path schemas() {
    return root().resolve("schemas");
  }

  private ProjectFiles() {}
}
