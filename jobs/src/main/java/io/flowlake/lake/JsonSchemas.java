package io.flowlake.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Renders a table's Spark schema as JSON Schema, the form {@code schemas/} documents tables in for
 * people and other tools. A test renders every table and compares with the files, so the
 * documentation cannot drift from the code.
 */
public final class JsonSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ObjectNode table(String name, String description, StructType schema) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    doc.put("title", name);
    doc.put("description", description);
    doc.setAll(struct(schema));
    return doc;
  }

  private static ObjectNode struct(StructType schema) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "object");
    ObjectNode properties = node.putObject("properties");
    ArrayNode required = JSON.createArrayNode();
    for (StructField field : schema.fields()) {
      properties.set(field.name(), type(field.dataType(), field.nullable()));
      required.add(field.name());
    }
    node.set("required", required);
    node.put("additionalProperties", false);
    return node;
  }

  private static ObjectNode type(DataType type, boolean nullable) {
    ObjectNode node;
    if (type instanceof StructType struct) {
      node = struct(struct);
    } else if (type instanceof ArrayType array) {
      node = JSON.createObjectNode().put("type", "array");
      node.set("items", type(array.elementType(), array.containsNull()));
    } else if (type instanceof MapType map) {
      node = JSON.createObjectNode().put("type", "object");
      node.set("additionalProperties", type(map.valueType(), map.valueContainsNull()));
    } else {
      node = JSON.createObjectNode().put("type", scalar(type));
      if (type instanceof TimestampType) {
        node.put("format", "date-time");
      } else if (type instanceof DateType) {
        node.put("format", "date");
      }
    }
    if (nullable) {
      ArrayNode types = JSON.createArrayNode().add(node.get("type").asText()).add("null");
      node.set("type", types);
    }
    return node;
  }

  private static String scalar(DataType type) {
    if (type instanceof StringType || type instanceof TimestampType || type instanceof DateType) {
      return "string";
    }
    if (type instanceof LongType || type instanceof IntegerType) {
      return "integer";
    }
    if (type instanceof DoubleType) {
      return "number";
    }
    if (type instanceof BooleanType) {
      return "boolean";
    }
    throw new IllegalArgumentException("no JSON Schema type for " + type.simpleString());
  }

  private JsonSchemas() {}
}
