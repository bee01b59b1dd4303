package io.flowlake.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code sql/models.yml}. Every mistake is reported with the model and key it is in, since
 * the file is edited by hand next to the SQL.
 */
final class ModelsFileParser {

  private static final Set<String> MODEL_KEYS =
      Set.of(
          "name",
          "layer",
          "materialized",
          "description",
          "depends_on",
          "grain",
          "columns",
          "audits");
  private static final Set<String> COLUMN_KEYS = Set.of("name", "description", "tests");

  private final Function<String, String> sqlOfModel;

  /**
   * @param sqlOfModel the text of {@code sql/<name>.sql} for a model name; throws when missing
   */
  ModelsFileParser(Function<String, String> sqlOfModel) {
    this.sqlOfModel = sqlOfModel;
  }

  record Parsed(int schemaVersion, List<Source> sources, List<Model> models) {}

  Parsed parse(String yaml) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("models.yml is not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "models.yml must be a mapping with schema_version, sources and models");
    }
    int version = root.path("schema_version").asInt(-1);
    if (version < 1) {
      throw new IllegalArgumentException("models.yml: schema_version must be a positive integer");
    }
    List<Source> sources = new ArrayList<>();
    for (JsonNode node : root.path("sources")) {
      String from = node.path("registered_by").asText("lake");
      if (!from.equals("lake") && !from.equals("segments")) {
        throw new IllegalArgumentException(
            "models.yml: source registered_by must be lake or segments, got '" + from + "'");
      }
      sources.add(
          new Source(
              text(node, "name", "source"),
              node.path("description").asText(""),
              from.equals("lake")));
    }
    List<Model> models = new ArrayList<>();
    for (JsonNode node : root.path("models")) {
      models.add(model(node));
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("models.yml declares no models");
    }
    return new Parsed(version, sources, models);
  }

  private Model model(JsonNode node) {
    String name = text(node, "name", "model");
    String where = "model " + name;
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!MODEL_KEYS.contains(key)) {
                throw new IllegalArgumentException(
                    where + ": unknown key '" + key + "' (known: " + MODEL_KEYS + ")");
              }
            });
    Layer layer = enumValue(Layer.class, text(node, "layer", where), where + ": layer");
    Materialization materialized =
        enumValue(
            Materialization.class, text(node, "materialized", where), where + ": materialized");
    if ((layer == Layer.MART) != (materialized == Materialization.MART)) {
      throw new IllegalArgumentException(
          where + ": a model is materialized as mart exactly when its layer is mart");
    }
    List<ModelColumn> columns = new ArrayList<>();
    for (JsonNode column : node.path("columns")) {
      columns.add(column(column, where));
    }
    return new Model(
        name,
        layer,
        materialized,
        text(node, "description", where),
        strings(node.path("depends_on")),
        strings(node.path("grain")),
        columns,
        strings(node.path("audits")),
        sqlOfModel.apply(name));
  }

  private static ModelColumn column(JsonNode node, String where) {
    String name = text(node, "name", where + ": column");
    String here = where + ", column " + name;
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!COLUMN_KEYS.contains(key)) {
                throw new IllegalArgumentException(here + ": unknown key '" + key + "'");
              }
            });
    List<ColumnTest> tests = new ArrayList<>();
    for (JsonNode test : node.path("tests")) {
      tests.add(columnTest(test, here));
    }
    return new ModelColumn(name, node.path("description").asText(""), tests);
  }

  /**
   * {@code not_null}, {@code unique}, {@code {between: [lo, hi]}}, {@code {accepted_values: [..]}}.
   */
  private static ColumnTest columnTest(JsonNode test, String where) {
    if (test.isTextual()) {
      return switch (test.asText()) {
        case "not_null" -> new ColumnTest.NotNull();
        case "unique" -> new ColumnTest.Unique();
        default ->
            throw new IllegalArgumentException(
                where
                    + ": unknown test '"
                    + test.asText()
                    + "' (known: not_null, unique, between, accepted_values)");
      };
    }
    if (test.isObject() && test.size() == 1) {
      String kind = test.fieldNames().next();
      JsonNode args = test.get(kind);
      if (kind.equals("between")
          && args.isArray()
          && args.size() == 2
          && args.get(0).isNumber()
          && args.get(1).isNumber()) {
        return new ColumnTest.Between(args.get(0).asDouble(), args.get(1).asDouble());
      }
      if (kind.equals("accepted_values") && args.isArray() && !args.isEmpty()) {
        return new ColumnTest.AcceptedValues(strings(args));
      }
    }
    throw new IllegalArgumentException(
        where
            + ": cannot read test "
            + test
            + " (write e.g. not_null, {between: [0, 1]} or {accepted_values: [a, b]})");
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": '" + key + "' is missing or empty");
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String where) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where
              + " '"
              + value
              + "' is not one of "
              + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT),
          e);
    }
  }
}
