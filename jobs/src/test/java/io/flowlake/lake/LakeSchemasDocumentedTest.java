package io.flowlake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * schemas/&lt;table&gt;.schema.json is the documented contract of each lake table; this keeps it
 * equal to what the code writes. After a deliberate schema change, regenerate the files with {@code
 * mvn -pl jobs test -Dtest=LakeSchemasDocumentedTest -Dschemas.write=true} and review the diff.
 */
class LakeSchemasDocumentedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<LakeTables.Table> tables() {
    return LakeTables.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void schemaFileMatchesTheTableTheCodeWrites(LakeTables.Table table) throws IOException {
    JsonNode rendered = JsonSchemas.table(table.name(), table.description(), table.schema());
    Path file = ProjectFiles.schemas().resolve(table.name() + ".schema.json");
    if (Boolean.getBoolean("schemas.write")) {
      Files.writeString(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rendered) + "\n");
    }
    assertThat(file).exists();
    assertThat(JSON.readTree(file.toFile())).isEqualTo(rendered);
  }
}
