package io.flowlake.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A model test: {@code model-tests/<model>/<case>.json} with rows for each table the model reads
 * and the rows it must return, all written by hand:
 *
 * <pre>
 * {"description": "...",
 *  "inputs": {"stg_runs": [{"run_uuid": "r1", ...}, ...]},
 *  "expected": [{"flow_uuid": "f1", "runs": 2, ...}]}
 * </pre>
 *
 * Input rows may leave out columns the model does not read (they are null). Expected rows are
 * compared on the columns they list, which must be the same for every expected row. An optional
 * {@code "session_time_zone"} runs the model in that Spark session time zone (default UTC).
 */
record ModelTestCase(
    String model,
    String name,
    String description,
    String sessionTimeZone,
    Map<String, List<String>> inputs,
    List<String> expected) {

  /** The session time zone of a case that does not set {@code session_time_zone}. */
  static final String DEFAULT_TIME_ZONE = "UTC";

  private static final ObjectMapper JSON = new ObjectMapper();

  static ModelTestCase read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model test " + file, e);
    }
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    root.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), lines(e.getValue())));
    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
    return new ModelTestCase(
        file.getParent().getFileName().toString(),
        name,
        root.path("description").asText(""),
        root.path("session_time_zone").asText(DEFAULT_TIME_ZONE),
        inputs,
        lines(root.path("expected")));
  }

  /** Registers the inputs as temp views named after the tables they stand for. */
  void registerInputs(SparkSession spark, Map<String, StructType> schemas) {
    inputs.forEach(
        (table, rows) ->
            rows(spark, table, schemas.get(table), rows).createOrReplaceTempView(table));
  }

  /** The expected rows, typed as the model's actual output. */
  List<Row> expectedRows(SparkSession spark, StructType actualSchema) {
    return rows(spark, model + " expected", actualSchema, expected).collectAsList();
  }

  /** The columns the expected rows list; every expected row must list the same ones. */
  List<String> expectedColumns() {
    Set<String> columns = null;
    for (String row : expected) {
      Set<String> keys = keys(row);
      if (columns != null && !columns.equals(keys)) {
        throw new IllegalArgumentException(
            name + ": expected rows list different columns: " + columns + " vs " + keys);
      }
      columns = keys;
    }
    return columns == null ? List.of() : new ArrayList<>(columns);
  }

  private static Dataset<Row> rows(
      SparkSession spark, String table, StructType schema, List<String> rows) {
    for (String row : rows) {
      for (String key : keys(row)) {
        if (!List.of(schema.fieldNames()).contains(key)) {
          throw new IllegalArgumentException(
              table + ": no column '" + key + "' (columns: " + List.of(schema.fieldNames()) + ")");
        }
      }
    }
    if (rows.isEmpty()) {
      return spark.createDataFrame(List.<Row>of(), schema);
    }
    return spark
        .read()
        .schema(schema)
        .option("mode", "FAILFAST")
        .json(spark.createDataset(rows, Encoders.STRING()));
  }

  private static Set<String> keys(String row) {
    Set<String> keys = new LinkedHashSet<>();
    try {
      Iterator<String> names = JSON.readTree(row).fieldNames();
      names.forEachRemaining(keys::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  private static List<String> lines(JsonNode array) {
    List<String> rows = new ArrayList<>();
    array.forEach(row -> rows.add(row.toString()));
    return rows;
  }

  @Override
  public String toString() {
    return model + "/" + name;
  }
}
