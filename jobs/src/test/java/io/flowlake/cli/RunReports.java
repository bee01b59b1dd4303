package io.flowlake.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The run reports a lake holds, oldest first, as a monitor reads them. */
final class RunReports {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * {@code <lake>/_state/runs/*.json}; only the reports, not Hadoop's {@code .<name>.json.crc}
   * checksums beside them (names start with the run's start time, so name order is time order).
   */
  static List<JsonNode> in(Path lake) throws IOException {
    Path runs = lake.resolve("_state/runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runs)) {
      List<JsonNode> reports = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        reports.add(JSON.readTree(file.toFile()));
      }
      return reports;
    }
  }

  private RunReports() {}
}
