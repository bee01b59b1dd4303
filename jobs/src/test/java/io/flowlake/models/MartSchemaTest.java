package io.flowlake.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowlake.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The marts' public contract: each mart's Spark schema equals schemas/marts/<name>.schema.json,
 * whose descriptions are those of sql/models.yml, and docs/marts.md explains every column.
 */
@ExtendWith(SharedSpark.class)
class MartSchemaTest {

  /** The repository root: tests run in the jobs module. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private static final SparkSession spark = SharedSpark.session();
  private static final ModelCatalog catalog = ModelCatalog.load();
  private static final Map<String, StructType> schemas = ModelSchemas.of(spark, catalog);

  static Stream<String> marts() {
    return ModelCatalog.load().marts().stream().map(Model::name);
  }

  @ParameterizedTest
  @MethodSource("marts")
  void sparkSchemaEqualsSchemaFile(String mart) throws IOException {
    JsonNode file = schemaFile(mart);
    Model model = catalog.model(mart);
    List<String> expected = new ArrayList<>();
    file.get("properties")
        .fields()
        .forEachRemaining(p -> expected.add(p.getKey() + " " + typeOf(p.getValue())));
    List<String> actual = new ArrayList<>();
    for (StructField field : schemas.get(mart).fields()) {
      // a column is non-null when Spark proves it or a not_null audit checks it before each write
      boolean nonNull = !field.nullable() || hasNotNullTest(model, field.name());
      actual.add(field.name() + " " + typeOf(field.dataType()) + (nonNull ? "" : "|null"));
    }
    assertThat(actual).as(mart).containsExactlyElementsOf(expected);
    assertThat(names(file.get("required")))
        .containsExactlyElementsOf(List.of(schemas.get(mart).fieldNames()));
  }

  @ParameterizedTest
  @MethodSource("marts")
  void schemaFileRepeatsTheModelsFile(String mart) throws IOException {
    JsonNode file = schemaFile(mart);
    Model model = catalog.model(mart);
    assertThat(file.get("title").asText()).isEqualTo(mart);
    assertThat(file.get("description").asText()).isEqualTo(model.description());
    assertThat(file.get("x-flowlake-schema-version").asInt()).isEqualTo(catalog.schemaVersion());
    assertThat(names(file.path("x-grain"))).isEqualTo(model.grain());
    assertThat(model.columns())
        .extracting(ModelColumn::name)
        .containsExactlyElementsOf(List.of(schemas.get(mart).fieldNames()));
    for (ModelColumn column : model.columns()) {
      assertThat(file.get("properties").get(column.name()).get("description").asText())
          .as("%s.%s", mart, column.name())
          .isEqualTo(column.description());
    }
  }

  @ParameterizedTest
  @MethodSource("marts")
  void docsExplainEveryColumn(String mart) throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/marts.md"));
    String heading = "## `" + mart + "`";
    assertThat(docs).contains(heading);
    int start = docs.indexOf(heading);
    int next = docs.indexOf("\n## ", start + heading.length());
    String section = docs.substring(start, next < 0 ? docs.length() : next);
    for (String column : schemas.get(mart).fieldNames()) {
      assertThat(section).as("docs/marts.md, section %s", mart).contains("`" + column + "`");
    }
  }

  private static boolean hasNotNullTest(Model model, String column) {
    return model.columns().stream()
        .filter(c -> c.name().equals(column))
        .flatMap(c -> c.tests().stream())
        .anyMatch(t -> t instanceof ColumnTest.NotNull);
  }

  /** A JSON Schema property's type, e.g. "integer/int64" or "string/date-time|null". */
  private static String typeOf(JsonNode property) {
    JsonNode type = property.get("type");
    String format = property.has("format") ? "/" + property.get("format").asText() : "";
    if (type.isArray()) {
      assertThat(names(type)).hasSize(2).contains("null");
      String base = names(type).stream().filter(t -> !t.equals("null")).findFirst().orElseThrow();
      return base + format + "|null";
    }
    return type.asText() + format;
  }

  /** The JSON Schema type a Spark column is documented with. */
  private static String typeOf(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return "string";
    } else if (type.equals(DataTypes.LongType)) {
      return "integer/int64";
    } else if (type.equals(DataTypes.IntegerType)) {
      return "integer/int32";
    } else if (type.equals(DataTypes.DoubleType)) {
      return "number/double";
    } else if (type.equals(DataTypes.BooleanType)) {
      return "boolean";
    } else if (type.equals(DataTypes.TimestampType)) {
      return "string/date-time";
    } else if (type.equals(DataTypes.DateType)) {
      return "string/date";
    }
    throw new AssertionError(
        "no JSON Schema type for Spark type " + type + ": extend the contract");
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static JsonNode schemaFile(String mart) throws IOException {
    return new ObjectMapper()
        .readTree(ROOT.resolve("schemas/marts/" + mart + ".schema.json").toFile());
  }
}
