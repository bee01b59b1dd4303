package io.flowlake.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rows as canonical JSON lines, so a table read by Spark and by a Python reader (dump_tables.py
 * writes the same form) compare as sorted lists of strings: object keys sorted, integers and
 * floating-point numbers each one node type, timestamps as UTC ISO 8601 with microseconds, decimals
 * as plain strings, and a map as its {@code {key, value}} entries in key order.
 */
final class CanonicalRows {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private CanonicalRows() {}

  /** Spark's rows of {@code schema}, canonical and sorted. */
  static List<String> ofSpark(List<Row> rows, StructType schema) {
    return sorted(rows.stream().map(r -> canonical(struct(r, schema))).toList());
  }

  /** A JSON-lines file's rows, canonical and sorted. */
  static List<String> ofJsonLines(Path file) {
    try {
      List<JsonNode> rows = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        rows.add(canonical(JSON.readTree(line)));
      }
      return sorted(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The top-level fields in which the first unequal pair of rows differs; names, not values. */
  static List<String> firstDifference(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        try {
          JsonNode e = JSON.readTree(expected.get(i));
          JsonNode a = JSON.readTree(actual.get(i));
          TreeMap<String, Boolean> names = new TreeMap<>();
          e.fieldNames().forEachRemaining(n -> names.put(n, true));
          a.fieldNames().forEachRemaining(n -> names.put(n, true));
          return names.keySet().stream().filter(n -> !e.path(n).equals(a.path(n))).toList();
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
    }
    return List.of();
  }

  private static List<String> sorted(List<JsonNode> rows) {
    return rows.stream().map(JsonNode::toString).sorted().toList();
  }

  private static JsonNode value(Object value, DataType type) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (type instanceof StructType struct) {
      return struct((Row) value, struct);
    }
    if (type instanceof ArrayType array) {
      ArrayNode node = NODES.arrayNode();
      for (Object element : CollectionConverters.asJava((scala.collection.Seq<?>) value)) {
        node.add(value(element, array.elementType()));
      }
      return node;
    }
    if (type instanceof MapType map) {
      ArrayNode entries = NODES.arrayNode();
      for (Map.Entry<?, ?> e :
          CollectionConverters.asJava((scala.collection.Map<?, ?>) value).entrySet()) {
        ObjectNode entry = NODES.objectNode();
        entry.set("key", value(e.getKey(), map.keyType()));
        entry.set("value", value(e.getValue(), map.valueType()));
        entries.add(entry);
      }
      return entries;
    }
    if (value instanceof Timestamp t) {
      return TextNode.valueOf(MICROS.format(t.toInstant()));
    }
    if (value instanceof Instant t) {
      return TextNode.valueOf(MICROS.format(t));
    }
    if (value instanceof BigDecimal d) {
      return TextNode.valueOf(d.stripTrailingZeros().toPlainString());
    }
    if (value instanceof java.sql.Date || value instanceof java.time.LocalDate) {
      return TextNode.valueOf(value.toString());
    }
    return JSON.valueToTree(value);
  }

  private static ObjectNode struct(Row row, StructType schema) {
    ObjectNode node = NODES.objectNode();
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      node.set(fields[i].name(), value(row.get(i), fields[i].dataType()));
    }
    return node;
  }

  /** Keys sorted, one node type per kind of number, map entries in key order. */
  private static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> fields = new TreeMap<>();
      node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
      ObjectNode sorted = NODES.objectNode();
      fields.forEach(sorted::set);
      return sorted;
    }
    if (node.isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      node.forEach(e -> elements.add(canonical(e)));
      if (!elements.isEmpty() && elements.stream().allMatch(CanonicalRows::isMapEntry)) {
        elements.sort(Comparator.comparing(e -> e.get("key").toString()));
      }
      return NODES.arrayNode().addAll(elements);
    }
    if (node.isIntegralNumber()) {
      return LongNode.valueOf(node.asLong());
    }
    if (node.isNumber()) {
      return DoubleNode.valueOf(node.asDouble());
    }
    return node;
  }

  private static boolean isMapEntry(JsonNode node) {
    return node.isObject() && node.size() == 2 && node.has("key") && node.has("value");
  }
}
