package io.flowlake.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Notebooks are committed as sources: no outputs and no execution counts (outputs belong in the
 * rendered HTML that the test run writes), and each takes the lake as a papermill parameter.
 */
class NotebooksCommittedCleanTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("notebooks"))) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void noCommittedNotebookHasOutputsOrExecutionCounts() throws IOException {
    List<String> dirty = new ArrayList<>();
    for (Path notebook : notebooks()) {
      int index = 0;
      for (JsonNode cell : JSON.readTree(notebook.toFile()).path("cells")) {
        if ("code".equals(cell.path("cell_type").asText())
            && (!cell.path("outputs").isEmpty() || !cell.path("execution_count").isNull())) {
          dirty.add(notebook.getFileName() + " cell " + index);
        }
        index++;
      }
    }
    assertThat(notebooks()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(dirty)
        .as("clear them: jupyter nbconvert --clear-output --inplace notebooks/*.ipynb")
        .isEmpty();
  }

  /** nbformat writes a cell's source as one string or as a list of lines. */
  private static String source(JsonNode source) {
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  @Test
  void everyNotebookTakesTheLakeAsAParameter() throws IOException {
    for (Path notebook : notebooks()) {
      List<String> parameterCells = new ArrayList<>();
      for (JsonNode cell : JSON.readTree(notebook.toFile()).path("cells")) {
        for (JsonNode tag : cell.path("metadata").path("tags")) {
          if ("parameters".equals(tag.asText())) {
            parameterCells.add(source(cell.path("source")));
          }
        }
      }
      assertThat(parameterCells).as(notebook.getFileName().toString()).hasSize(1);
      assertThat(parameterCells.get(0)).as(notebook.toString()).contains("lake = \"../demo-lake\"");
    }
  }
}
