package io.flowlake.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownPageTest {

  @TempDir Path dir;

  @Test
  void headingsGetGithubAnchors() {
    MarkdownPage page =
        MarkdownPage.of(
            """
            # flowlake
            ## §4 Rate limits and 429
            ### Pitfall 7: one run, several copies
            ## Archive backfill vs Spark's JSON reader
            ## Running on a cluster (spark-submit)
            ## `flow_summary`
            ## Notes
            ## Notes
            """);
    assertThat(page.anchors())
        .containsExactly(
            "flowlake",
            "4-rate-limits-and-429",
            "pitfall-7-one-run-several-copies",
            "archive-backfill-vs-sparks-json-reader",
            "running-on-a-cluster-spark-submit",
            "flow_summary",
            "notes",
            "notes-1");
  }

  @Test
  void linksInCodeAreNotLinks() {
    MarkdownPage page =
        MarkdownPage.of(
            """
            See [the marts](docs/marts.md#flow_daily) and ![chart](docs/chart.png "title").
            Not `[this](nowhere.md)`.
            ```
            [nor this](nowhere.md)
            # nor a heading
            ```
            [ref]: bench/README.md
            """);
    assertThat(page.links())
        .containsExactly("docs/marts.md#flow_daily", "docs/chart.png", "bench/README.md");
    assertThat(page.anchors()).isEmpty();
  }

  @Test
  void aMissingFileOrHeadingIsReported() throws Exception {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs/a.md"), "# Title\n## §2 Part\n");
    Path readme = Files.writeString(dir.resolve("README.md"), "x\n");

    assertThat(ReadmeTest.problem(dir, readme, "docs/a.md#2-part")).isNull();
    assertThat(ReadmeTest.problem(dir, readme, "docs/")).isNull();
    assertThat(ReadmeTest.problem(dir, readme, "https://example.org/x.md#y")).isNull();
    assertThat(ReadmeTest.problem(dir, readme, "docs/b.md")).isEqualTo("no file docs/b.md");
    assertThat(ReadmeTest.problem(dir, readme, "docs/a.md#part"))
        .isEqualTo("no heading #part in docs/a.md");
    assertThat(ReadmeTest.problem(dir, dir.resolve("docs/a.md"), "#title")).isNull();
  }
}
