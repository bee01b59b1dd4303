package io.flowlake.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowlake.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README stays a front door (short, every link working), and no page of the documentation
 * points at a file or heading that is not there.
 */
class ReadmeTest {

  static final int MAX_README_LINES = 300;

  /** Folders that hold no documentation of ours: build output, tools' caches, the venv. */
  private static final Set<String> SKIPPED = Set.of("target", "node_modules");

  @Test
  void readmeFitsInThreeHundredLines() throws IOException {
    List<String> lines = Files.readAllLines(ProjectFiles.root().resolve("README.md"));
    assertThat(lines).as("README.md lines").hasSizeLessThanOrEqualTo(MAX_README_LINES);
  }

  static Stream<Path> pages() throws IOException {
    Path root = ProjectFiles.root();
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> pages =
          files
              .filter(file -> file.toString().endsWith(".md") && Files.isRegularFile(file))
              .filter(file -> root.relativize(file).getNameCount() == 1 || documented(root, file))
              .map(root::relativize)
              .sorted()
              .toList();
      return pages.stream();
    }
  }

  private static boolean documented(Path root, Path file) {
    for (Path part : root.relativize(file.getParent())) {
      String name = part.toString();
      if (name.startsWith(".") || SKIPPED.contains(name)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theLinkCheckSeesTheReadmeAndTheDocs() throws IOException {
    assertThat(pages())
        .contains(Path.of("README.md"), Path.of("bench/README.md"), Path.of("docs/marts.md"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyRelativeLinkResolves(Path page) throws IOException {
    Path root = ProjectFiles.root();
    Path file = root.resolve(page);
    List<String> broken = new ArrayList<>();
    for (String link : MarkdownPage.read(file).links()) {
      String problem = problem(root, file, link);
      if (problem != null) {
        broken.add(link + ": " + problem);
      }
    }
    assertThat(broken).as("broken links in %s", page).isEmpty();
  }

  /** Why a link does not resolve, or null when it does (external links are not checked). */
  static String problem(Path root, Path page, String link) throws IOException {
    if (link.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
      return null; // https:, mailto: ...
    }
    int hash = link.indexOf('#');
    String path = hash < 0 ? link : link.substring(0, hash);
    String anchor = hash < 0 ? null : link.substring(hash + 1);
    Path target =
        path.isEmpty()
            ? page
            : path.startsWith("/")
                ? root.resolve(path.substring(1))
                : page.getParent().resolve(path).normalize();
    if (!Files.exists(target)) {
      return "no file " + root.relativize(target);
    }
    if (anchor != null && target.toString().endsWith(".md")) {
      if (!MarkdownPage.read(target).anchors().contains(anchor)) {
        return "no heading #" + anchor + " in " + root.relativize(target);
      }
    }
    return null;
  }
}
