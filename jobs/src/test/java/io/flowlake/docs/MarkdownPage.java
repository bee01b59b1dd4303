package io.flowlake.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links and heading anchors of one Markdown file, read the way GitHub renders it: nothing
 * inside code fences or inline code counts, and a heading's anchor is GitHub's slug of its text.
 */
final class MarkdownPage {

  private static final Pattern INLINE_LINK =
      Pattern.compile(
          "!?\\[(?:[^\\]\\\\]|\\\\.)*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_LINK =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");

  private final List<String> links = new ArrayList<>();
  private final Set<String> anchors = new LinkedHashSet<>();

  private MarkdownPage(List<String> lines) {
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : lines) {
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int count = seen.merge(slug, 1, Integer::sum);
        anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
      }
      String text = INLINE_CODE.matcher(line).replaceAll("");
      Matcher link = INLINE_LINK.matcher(text);
      while (link.find()) {
        links.add(link.group(1));
      }
      Matcher reference = REFERENCE_LINK.matcher(text);
      if (reference.find()) {
        links.add(reference.group(1));
      }
    }
  }

  static MarkdownPage read(Path file) throws IOException {
    return new MarkdownPage(Files.readAllLines(file));
  }

  static MarkdownPage of(String text) {
    return new MarkdownPage(text.lines().toList());
  }

  /** Every link target as written, external ones included. */
  List<String> links() {
    return links;
  }

  /** The {@code #fragment} each heading can be linked by. */
  Set<String> anchors() {
    return anchors;
  }

  /**
   * GitHub's anchor for a heading: link text kept, lower case, everything but letters, digits,
   * marks, underscores, spaces and hyphens dropped (so {@code §4} becomes {@code 4}), spaces to
   * hyphens.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
        .replace(' ', '-');
  }
}
